# generator.send: priming with next/send(None), values flow in and out, send after exhaustion.
def averager():
    total = count = 0
    avg = None
    while True:
        v = yield avg
        total += v
        count += 1
        avg = total / count
a = averager()
print(a.send(None), a.send(10), a.send(20), a.send(60))
def echo():
    received = []
    while True:
        x = yield len(received)
        if x is None:
            break
        received.append(x)
    yield received
e = echo()
print(next(e), e.send('a'), e.send('b'), e.send(None))
try:
    e.send('late')
except StopIteration:
    print('StopIteration after end')
def just_started():
    yield 1
try:
    just_started().send(5)
except TypeError:
    print('TypeError non-None to just-started')
