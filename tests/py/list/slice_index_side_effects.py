l = list(range(10)); t = tuple(l)
for s in [(None, None, None), (2, 5, None), (None, None, -1), (8, 1, -2), (-3, None, None), (None, -3, 2), (100, -100, -3), (-100, 100, 4), (3, 3, None), (5, 2, None)]:
    a, b, c = s
    print(l[a:b:c], t[a:b:c], l[a:b], t[a:b])
print(l[1:], t[:2], l[::-1], t[::2], l[k:] if (k := 4) else 0)
class I:
    def __index__(self):
        l.clear()
        return 5
l = list(range(10))
print(l[0:I()])
class L(list):
    def __getitem__(self, i):
        return ("custom", i)
print(L([1, 2, 3])[1:2])
print("abcdef"[1:4], b"abcdef"[::2], bytearray(b"xyz")[1:])
def f(seq):
    return seq[1:3]
print(f([1, 2, 3, 4]), f((5, 6, 7)), f("hello"), f(range(10)))

class J:
    def __init__(self, target, v):
        self.target, self.v = target, v
    def __index__(self):
        self.target.clear()
        return self.v
for make in (list, bytearray):
    c = make(b"abcdefgh") if make is bytearray else list(range(8))
    print(c[J(c, 1):J(c, 6)])
    c = make(b"abcdefgh") if make is bytearray else list(range(8))
    c[J(c, 1):3] = make(b"xy") if make is bytearray else [7, 7]
    print(c)
    c = make(b"abcdefgh") if make is bytearray else list(range(8))
    del c[J(c, 2):]
    print(c)
s = slice(J([], 2), None)
print([1, 2, 3, 4][s], type(s.start).__name__)
