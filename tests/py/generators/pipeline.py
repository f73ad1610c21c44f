# Generator pipelines: chained lazy stages, early termination, values flowing through several generators.
def source(n):
    for i in range(n):
        print('source', i)
        yield i
def square(it):
    for x in it:
        yield x * x
def only_even(it):
    for x in it:
        if x % 2 == 0:
            yield x
def take(n, it):
    for i, x in enumerate(it):
        if i >= n:
            return
        yield x
print(list(take(2, only_even(square(source(10))))))
words = ['alpha', 'beta', 'gamma', 'delta']
lengths = (len(w) for w in words)
long_ones = (w for w, l in zip(words, lengths) if l > 4)
print(list(long_ones))
def flatten(nested):
    for x in nested:
        if isinstance(x, list):
            yield from flatten(x)
        else:
            yield x
print(list(flatten([1, [2, [3, 4], []], [[5]], 6])))
