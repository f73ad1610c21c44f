# reversed() on lists/tuples/strings/ranges/dicts and objects with __reversed__ or __len__+__getitem__; sorted() forms.
print(list(reversed([1, 2, 3])), list(reversed((1, 2))), list(reversed('abc')), list(reversed(range(0, 10, 3))))
print(list(reversed({'a': 1, 'b': 2})), list(reversed({'a': 1, 'b': 2}.items())), list(reversed([])))
class Seq:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        return 'item%d' % i
class Custom:
    def __reversed__(self):
        return iter('custom')
print(list(reversed(Seq())), list(reversed(Custom())))
r = reversed([1, 2, 3])
print(next(r), list(r))
print(sorted([3, 1, 2]), sorted('cba'), sorted({3: 0, 1: 0}), sorted([3, 1, 2], reverse=True), sorted(['b', 'A', 'c'], key=str.lower))
try:
    reversed(5)
except TypeError:
    print('TypeError')
