# A running generator cannot be re-entered (ValueError); gi_running-free check via nested next().
def g():
    yield next(me)
me = g()
try:
    next(me)
except ValueError:
    print('ValueError generator already executing')
def counter():
    n = 0
    while True:
        cmd = yield n
        if cmd == 'reset':
            n = 0
        else:
            n += 1
c = counter()
print(next(c), next(c), next(c), c.send('reset'), next(c))
