# iter() on sequences/iterators, iter(callable, sentinel), next() with default, exhausted iterators stay exhausted.
it = iter([1, 2])
print(next(it), next(it), next(it, 'default'), next(it, None))
print(iter(it) is it, list(iter('ab')), list(iter((1,))), list(iter({'k': 1})), sorted(iter({3, 1})))
vals = [3, 2, 1, 0, 5]
pos = [0]
def read():
    v = vals[pos[0]]
    pos[0] += 1
    return v
print(list(iter(read, 0)))
print(list(iter(read, 'never')) if False else 'skip')
class Getitem:
    def __getitem__(self, i):
        if i > 2:
            raise IndexError
        return i * i
print(list(iter(Getitem())))
counter = iter(range(3))
print([next(counter) for _ in range(3)])
try:
    next(counter)
except StopIteration:
    print('StopIteration')
s = iter('x')
print(next(s), next(s, 'done'), next(s, 'still done'))
