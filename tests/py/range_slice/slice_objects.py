# slice objects: attributes, indices(), use with sequences and custom __getitem__, equality, repr.
s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step, slice(5), slice(None), slice(1, None), slice(None, None, -1))
print(s == slice(1, 10, 2), s != slice(1, 10), slice(3).indices(10), slice(-2, None).indices(5))
for sl in [slice(None, None, -1), slice(-100, 100), slice(2, -2, 3), slice(10, 0, -3)]:
    print(sl.indices(7), list(range(7))[sl], 'abcdefg'[sl], tuple(range(7))[sl])
class Seq:
    def __getitem__(self, key):
        return key
q = Seq()
print(q[1:2], q[::3], q[1:2, 3], q[..., 1], q[:], q[::], q[1:], q['a':'b'])
print(q[1:2:3] == slice(1, 2, 3))
