# In-place, container, call, format and context-manager special methods; __hash__/__eq__; __index__; SystemExit codes, KeyboardInterrupt, the exception hierarchy.
class V:
    def __init__(self, v): self.v = v
    def __iadd__(self, o): self.v += o; return self
    def __isub__(self, o): return NotImplemented
    def __sub__(self, o): return V(self.v - o)
    def __contains__(self, x): return x == self.v
    def __call__(self, *a, **k): return ('called', a, sorted(k.items()))
    def __repr__(self): return 'V(%r)' % self.v
    def __len__(self): return 3
    def __getitem__(self, i):
        if i >= 3: raise IndexError
        return i * 10
    def __setitem__(self, k, v): print('set', k, v)
    def __delitem__(self, k): print('del', k)
    def __iter__(self): return iter([7, 8])
    def __reversed__(self): return iter([8, 7])
    def __bool__(self): return False
    def __format__(self, spec): return 'fmt:' + spec
x = V(1); y = x; x += 5; print(x, y is x)
x -= 2; print(x, y)
print(3 in V(3), 4 in V(3), V(0)(1, 2, k=3))
v = V(0); v[1] = 2; del v[1]; print(list(v), list(reversed(v)), len(v), bool(v), not v)
print(f'{v:abc}', format(v, 'z'))
print(v[0:2] if False else v[1])
class CM:
    def __enter__(self): print('enter'); return 'res'
    def __exit__(self, t, e, tb):
        print('exit', t.__name__ if t else None, e)
        return True
with CM() as r:
    print('body', r)
    raise ValueError('x')
print('after')
with CM():
    pass
class H:
    def __init__(self, k): self.k = k
    def __eq__(self, o): return isinstance(o, H) and self.k == o.k
    def __hash__(self): return hash(self.k)
d = {H(1): 'a'}
print(d[H(1)], H(1) in {H(1)}, len({H(1), H(1), H(2)}))
class NoHash:
    def __eq__(self, o): return True
try:
    hash(NoHash())
except TypeError:
    print('unhashable')
class I:
    def __index__(self): return 2
print([1,2,3][I()], 'abc'[I()], bin(I()), list(range(I())))
import sys
try:
    sys.exit(3)
except SystemExit as e:
    print('exit code', e.code, e.args)
try:
    raise SystemExit
except SystemExit as e:
    print('exit code', e.code)
try:
    raise KeyboardInterrupt
except Exception:
    print('wrong')
except BaseException as e:
    print('KI', type(e).__name__, isinstance(e, Exception))
for E in [ArithmeticError, LookupError, OSError, RuntimeError, NotImplementedError, StopIteration, GeneratorExit, AssertionError, AttributeError, EOFError, ImportError, IndentationError, IndexError, KeyError, MemoryError, NameError, OverflowError, SyntaxError, TypeError, UnicodeError, ValueError, ZeroDivisionError]:
    print(E.__name__, [b.__name__ for b in E.__mro__])
print(ValueError(5).args, StopIteration(3).value)
