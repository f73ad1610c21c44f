# Deep recursion (300 levels) through special methods, properties, __getattr__, __setattr__, with, for, generators and await: each level is a VM frame, not a Rust re-entry.
N = 300
class Add:
    def __init__(self, n): self.n = n
    def __add__(self, o):
        return o if self.n == 0 else Add(self.n - 1) + (o + 1)
    def __radd__(self, o):
        return self + o
print(Add(N) + 0, 0 + Add(N))
class Ne:
    def __init__(self, n): self.n = n
    def __eq__(self, o):
        return True if self.n == 0 else Ne(self.n - 1) == o
print(Ne(N) == 1, Ne(N) != 1)
class Lt:
    def __init__(self, n): self.n = n
    def __lt__(self, o):
        return self.n == 0 or Lt(self.n - 1) < o
print(Lt(N) < 1, 1 > Lt(N))
class Item:
    def __getitem__(self, i):
        return 0 if i == 0 else self[i - 1] + 1
    def __setitem__(self, i, v):
        if i: self[i - 1] = v
        else: self.last = v
    def __contains__(self, x):
        return x == 0 or (x - 1) in self
it = Item()
it[N] = 'v'
print(it[N], it.last, N in it)
class Prop:
    def __init__(self, n): self.n = n
    @property
    def depth(self):
        return 0 if self.n == 0 else Prop(self.n - 1).depth + 1
    def __getattr__(self, name):
        return 0 if self.n == 0 else Prop(self.n - 1).missing + 1
print(Prop(N).depth, Prop(N).missing)
class Setter:
    def __init__(self): object.__setattr__(self, 'log', 0)
    def __setattr__(self, k, v):
        if v: self.x = v - 1
        else: object.__setattr__(self, k, v)
st = Setter(); st.x = N; print(st.x)
class Truth:
    def __init__(self, n): self.n = n
    def __bool__(self):
        return True if self.n == 0 else bool(not not Truth(self.n - 1)) if False else (not (not Truth(self.n - 1)))
print(bool(Truth(10)), 'yes' if Truth(N) else 'no', not Truth(N))
class Len:
    def __init__(self, n): self.n = n
    def __len__(self):
        return 1 if self.n == 0 else (1 if Len(self.n - 1) else 0)
print('yes' if Len(N) else 'no')
class Iter:
    def __init__(self, n): self.n = n; self.done = False
    def __iter__(self):
        if self.n:
            for x in Iter(self.n - 1):
                pass
        return self
    def __next__(self):
        if self.done: raise StopIteration
        self.done = True
        return self.n
print([x for x in Iter(N)])
class NextDeep:
    def __init__(self, n): self.n = n; self.i = 0
    def __iter__(self): return self
    def __next__(self):
        self.i += 1
        if self.i > 2: raise StopIteration
        if self.n == 0: return 0
        for v in NextDeep(self.n - 1):
            return v + 1
print(list(NextDeep(N)))
class CM:
    def __init__(self, n): self.n = n
    def __enter__(self):
        if self.n:
            with CM(self.n - 1) as v:
                return v + 1
        return 0
    def __exit__(self, *a):
        return False
class Exit:
    def __init__(self, n): self.n = n
    def __enter__(self): return self
    def __exit__(self, *a):
        if self.n:
            with Exit(self.n - 1):
                pass
        Exit.count += 1
Exit.count = 0
with Exit(N):
    pass
print('exit', Exit.count)
with CM(200) as v:
    print('with', v)
class Neg:
    def __init__(self, n): self.n = n
    def __neg__(self):
        return 0 if self.n == 0 else -Neg(self.n - 1) - 1
print(-Neg(N))
class Call:
    def __call__(self, n):
        return 0 if n == 0 else self(n - 1) + 1
print(Call()(N))
class Init:
    def __init__(self, n):
        self.v = 0 if n == 0 else Init(n - 1).v + 1
print(Init(N).v)
def gen(n):
    if n:
        yield from gen(n - 1)
    yield n
print(sum(gen(N)))
def fgen(n):
    if n == 0:
        yield 0
    else:
        for v in fgen(n - 1):
            yield v + 1
print(list(fgen(N)))
async def co(n):
    return 0 if n == 0 else await co(n - 1) + 1
c = co(N)
try:
    c.send(None)
except StopIteration as e:
    print('await', e.value)
