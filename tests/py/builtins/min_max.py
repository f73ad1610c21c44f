# min and max: iterable and varargs forms, key=, default=, ties return the first, mixed numeric types.
print(min(3, 1, 2), max(3, 1, 2), min([4, 2, 8]), max('hello'), min('b', 'a', 'c'), max([1.5, 2, -3]))
print(min([], default='empty'), max((), default=None), min([5], default=0))
words = ['pear', 'fig', 'banana', 'kiwi']
print(min(words, key=len), max(words, key=len), max(words, key=lambda w: w[-1]), min(*words, key=str.upper))
print(max([(1, 'b'), (1, 'a'), (0, 'z')]), min({'x': 3, 'y': 1}, key=lambda k: {'x': 3, 'y': 1}[k]))
print(max([1, 1.0]), max([1.0, 1]), min([0, False]), min([False, 0]), max(['a', 'b'], key=lambda s: 0))
print(max(range(10), key=lambda x: x % 4), min(iter([3, 2, 5])), max({1: 0, 9: 0, 5: 0}))
print(max([3, 1], default=9), min([[2], [1, 5]]))
for bad in [lambda: min([]), lambda: max(()), lambda: max(iter([]))]:
    try:
        bad()
    except ValueError:
        print('ValueError')
try:
    max(1)
except TypeError:
    print('TypeError')
