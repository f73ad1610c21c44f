# Uncaught exception raised inside a generator resumed by send().
def parser():
    while True:
        line = yield
        key, value = line.split('=')
        print('parsed', key, value)
p = parser()
next(p)
p.send('a=1')
p.send('oops')
