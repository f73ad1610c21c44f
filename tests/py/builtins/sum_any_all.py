# sum (start value, floats, big ints, lists), any/all with short-circuit over generators.
print(sum([]), sum([1, 2, 3]), sum([1, 2], 10), sum(range(101)), sum([0.1] * 3), sum([2 ** 64, 2 ** 64]))
print(sum([[1], [2, 3]], []), sum(((1,), (2,)), ()), sum([1.5, 2, True]), sum(x for x in range(4)), sum([1, 2], start=5))
print(any([]), all([]), any([0, '', None]), any([0, 'x']), all([1, 'x', [0]]), all([1, 0]))
def noisy(vals):
    for v in vals:
        print('check', v)
        yield v
print(any(noisy([0, 1, 2])))
print(all(noisy([1, 0, 2])))
print(any(x > 5 for x in range(10)), all(x < 5 for x in range(10)), any(iter([])))
