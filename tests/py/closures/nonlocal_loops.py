# nonlocal updated from closures called in loops; several closures sharing one cell.
def make_pair():
    value = 0
    def inc():
        nonlocal value
        value += 1
        return value
    def get():
        return value
    return inc, get
inc, get = make_pair()
for _ in range(5):
    inc()
print(get())
def accumulate(items):
    total = 0
    log = []
    def add(x):
        nonlocal total
        total += x
        log.append(total)
    for it in items:
        add(it)
    return total, log
print(accumulate([1, 2, 3, 4]))
def fib_gen_closure():
    a, b = 0, 1
    def step():
        nonlocal a, b
        a, b = b, a + b
        return a
    return [step() for _ in range(10)]
print(fib_gen_closure())
