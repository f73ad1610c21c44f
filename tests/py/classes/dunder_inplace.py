# In-place operators (__iadd__ ...): mutate and return self; fallback to __add__ when absent.
class Acc:
    def __init__(self):
        self.items = []
    def __iadd__(self, o):
        self.items.append(('+=', o)); return self
    def __isub__(self, o):
        self.items.append(('-=', o)); return self
    def __imul__(self, o):
        self.items.append(('*=', o)); return self
    def __itruediv__(self, o):
        self.items.append(('/=', o)); return self
    def __ifloordiv__(self, o):
        self.items.append(('//=', o)); return self
    def __imod__(self, o):
        self.items.append(('%=', o)); return self
    def __ipow__(self, o):
        self.items.append(('**=', o)); return self
    def __ilshift__(self, o):
        self.items.append(('<<=', o)); return self
    def __irshift__(self, o):
        self.items.append(('>>=', o)); return self
    def __iand__(self, o):
        self.items.append(('&=', o)); return self
    def __ior__(self, o):
        self.items.append(('|=', o)); return self
    def __ixor__(self, o):
        self.items.append(('^=', o)); return self
a = Acc()
orig = a
a += 1; a -= 2; a *= 3; a /= 4; a //= 5; a %= 6; a **= 7; a <<= 8; a >>= 9; a &= 10; a |= 11; a ^= 12
print(a is orig, a.items)
class NoInplace:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        return NoInplace(self.v + o)
n = NoInplace(1)
m = n
n += 5
print(n.v, m.v, n is m)
class ReturnsOther:
    def __iadd__(self, o):
        return 'replaced'
x = ReturnsOther()
x += 1
print(x)
