# Sets with custom __hash__/__eq__, equal numeric values collapse, unhashable elements rejected.
class P:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __eq__(self, o):
        return (self.x, self.y) == (o.x, o.y)
    def __hash__(self):
        return hash((self.x, self.y))
s = {P(1, 2), P(1, 2), P(2, 1)}
print(len(s), P(2, 1) in s, P(3, 3) in s)
n = {1, 1.0, True, 2, 2.0 + 0j}
print(len(n), sorted(n, key=str))
for bad in [[1], {1}, {}]:
    try:
        {bad}
    except TypeError:
        print('TypeError', type(bad).__name__)
try:
    set([[1]])
except TypeError:
    print('TypeError list element')
print(sorted({frozenset([1]), frozenset([1])}, key=len))
