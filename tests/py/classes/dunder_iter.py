# Iterator protocol: __iter__ returning self with __next__, StopIteration, reuse, iter() on iterators.
class Count:
    def __init__(self, n):
        self.i, self.n = 0, n
    def __iter__(self):
        return self
    def __next__(self):
        if self.i >= self.n:
            raise StopIteration
        self.i += 1
        return self.i
c = Count(3)
print(list(c), list(c), iter(c) is c)
print(sum(Count(100)), max(Count(5)), sorted(Count(4), reverse=True), list(zip(Count(2), 'ab')))
class Range2:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return Count(self.n)
r = Range2(3)
print(list(r), list(r), [x * y for x in r for y in r])
it = iter(Range2(2))
print(next(it), next(it), next(it, 'exhausted'))
class GenIter:
    def __iter__(self):
        yield 'g1'
        yield 'g2'
print(list(GenIter()), 'g2' in GenIter())
a, *rest = Count(4)
print(a, rest)
print(dict(zip(Count(3), Count(3))), set(Count(3)) == {1, 2, 3}, tuple(Count(2)))
