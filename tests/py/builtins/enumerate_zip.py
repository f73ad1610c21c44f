# enumerate (with start) and zip (any number of iterables, shortest wins, lazy iterators).
print(list(enumerate('abc')), list(enumerate('abc', 1)), list(enumerate([], 5)), list(enumerate('xy', start=-1)))
e = enumerate(['p', 'q'])
print(next(e), next(e), next(e, None), type(e).__name__)
print(list(zip()), list(zip('ab')), list(zip('abc', [1, 2])), list(zip(range(3), 'xyz', (True, False, None))))
z = zip(iter([1, 2, 3]), iter('ab'))
print(next(z), list(z))
print(dict(zip('abc', range(3))), list(zip(*[(1, 'a'), (2, 'b')])))
for i, (a, b) in enumerate(zip('xy', 'uv'), 10):
    print(i, a, b)
print(list(zip(range(10 ** 9), 'ab')), type(zip()).__name__)
