# yield from: delegation of values, send and throw pass-through, return value of subgenerator, iterables.
def sub():
    x = yield 'sub1'
    print('sub got', x)
    y = yield 'sub2'
    print('sub got', y)
    return 'sub-result'
def outer():
    r = yield from sub()
    print('outer got result', r)
    yield 'outer-end'
o = outer()
print(next(o), o.send('A'), o.send('B'))
def chain(*its):
    for it in its:
        yield from it
print(list(chain([1, 2], 'ab', range(2), (x for x in 'z'))))
def thrower():
    try:
        yield 1
    except KeyError:
        yield 'sub handled KeyError'
def deleg():
    yield from thrower()
d = deleg()
next(d)
print(d.throw(KeyError))
def tree(n):
    if n:
        yield from tree(n - 1)
        yield n
        yield from tree(n - 1)
print(list(tree(3)))
def returns():
    return 5
    yield
def collect():
    v = yield from returns()
    yield v
print(list(collect()))
def closing_sub():
    try:
        yield 1
    finally:
        print('sub finally')
def closing_outer():
    yield from closing_sub()
co = closing_outer()
next(co)
co.close()
