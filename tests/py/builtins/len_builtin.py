# len() of every builtin container and of objects implementing __len__.
print(len(''), len('abc'), len('é😀'), len(b'ab'), len(bytearray(3)), len([1, 2]), len(()), len({'a': 1}))
print(len({1, 2, 2}), len(frozenset('abc')), len(range(10)), len(range(0, 10, 3)), len(range(10, 0)), len(memoryview(b'xyz')))
print(len({}.keys()), len({1: 2}.values()), len({1: 2, 3: 4}.items()), len([[]]), len('\n'))
class L:
    def __len__(self):
        return 7
print(len(L()))
for bad in [1, None, 2.5, (x for x in [])]:
    try:
        len(bad)
    except TypeError:
        print('TypeError', type(bad).__name__)
