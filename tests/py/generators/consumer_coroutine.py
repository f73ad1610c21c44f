# Generator-based coroutines: a primed consumer with send(), a filter stage, and close() producing a summary.
def printer(prefix):
    try:
        while True:
            item = yield
            print(prefix, item)
    except GeneratorExit:
        print(prefix, 'closed')
def filter_stage(pred, target):
    while True:
        item = yield
        if pred(item):
            target.send(item)
p = printer('>')
next(p)
f = filter_stage(lambda x: x % 2 == 0, p)
next(f)
for i in range(6):
    f.send(i)
f.close()
p.close()
def accumulator():
    total = 0
    while True:
        v = yield total
        if v is None:
            return total
        total += v
acc = accumulator()
next(acc)
for v in [5, 10, 15]:
    print(acc.send(v))
try:
    acc.send(None)
except StopIteration as e:
    print('final', e.value)
