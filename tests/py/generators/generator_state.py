# Generator edge cases: local state preserved, generators in classes, recursion via generators, infinite with islice-like helpers.
def take(n, it):
    out = []
    for x in it:
        if len(out) == n:
            break
        out.append(x)
    return out
def naturals():
    n = 0
    while True:
        yield n
        n += 1
print(take(5, naturals()), take(3, (x * x for x in naturals())))
class Tree:
    def __init__(self, v, *kids):
        self.v, self.kids = v, kids
    def __iter__(self):
        yield self.v
        for k in self.kids:
            yield from k
t = Tree(1, Tree(2, Tree(3)), Tree(4))
print(list(t), sum(t), 3 in t)
def running_max(it):
    m = None
    for x in it:
        m = x if m is None or x > m else m
        yield m
print(list(running_max([3, 1, 4, 1, 5, 9, 2, 6])))
def gen_locals(a, *rest, k=1):
    total = a
    for r in rest:
        total += r * k
        yield total
print(list(gen_locals(1, 2, 3, k=10)))
def pairwise(it):
    it = iter(it)
    prev = next(it, None)
    for cur in it:
        yield prev, cur
        prev = cur
print(list(pairwise('abcd')), list(pairwise([])))
