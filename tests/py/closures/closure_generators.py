# Closures inside generators and generators closing over outer variables, including nonlocal.
def gen_factory(step):
    def gen(n):
        for i in range(0, n, step):
            yield i
    return gen
print(list(gen_factory(3)(10)))
def running():
    total = 0
    def add(x):
        nonlocal total
        total += x
        return total
    results = [add(i) for i in range(5)]
    return results, total
print(running())
def outer():
    items = []
    def g():
        while True:
            v = yield len(items)
            items.append(v)
    return g(), items
gen, items = outer()
next(gen)
gen.send('a')
print(gen.send('b'), items)
