# collections.deque: appends/pops at both ends, maxlen, indexing, iteration, repr
from collections import deque

d = deque()
d.append(1)
d.append(2)
d.appendleft(0)
print(d, len(d), list(d), d[0], d[-1], bool(d), bool(deque()))
print(d.pop(), d.popleft(), d)
d = deque([1, 2, 3], 3)
d.append(4)
print(d, d.maxlen)
d.appendleft(0)
print(d)
d.extend([7, 8])
print(d)
d.extendleft([10, 11])
print(d)
e = deque('abc')
e.rotate(1)
print(e)
e.rotate(-2)
print(e, 'a' in e, 'z' in e, e.count('a'), e.index('b') if hasattr(e, 'index') else 0)
e.remove('a')
e.reverse()
print(e, e.copy(), deque(e) == e, deque([1]) == deque([2]))
e[0] = 'q'
del e[1]
print(e, deque().maxlen, deque([], 0), deque([1, 2], maxlen=0))
z = deque(range(5), 2)
print(z, [x * 2 for x in z])
z.clear()
print(z, len(z))
w = deque([1, 2])
w.extend(w)
print(w)

def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__)
check(lambda: deque().pop())
check(lambda: deque().popleft())
check(lambda: deque([1])[5])
check(lambda: deque([1], -1))
check(lambda: deque([1]).remove(9))
check(lambda: deque(5))
