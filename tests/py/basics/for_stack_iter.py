for i in range(5): print(i, end=" ")
print()
for i in range(10, 0, -3): print(i, end=" ")
print()
for i in range(0): print("never")
for i in range(2**62 - 3, 2**62 + 2): print(i, end=" ")
print()
for i in range(-2**62 + 2, -2**62 - 3, -1): print(i, end=" ")
print()
for i in range(4611686018427387900, 4611686018427387904): print(i, end=" ")
print()
for i in range(-4611686018427387900, -4611686018427387906, -1): print(i, end=" ")
print()
for i in range(0, 4611686018427387903, 2000000000000000000): print(i, end=" ")
print()
l = [1, 2, 3]
for x in l:
    if x < 10: l.append(x + 10)
    print(x, end=" ")
print()
l = [1, 2, 3, 4, 5]
for x in l:
    l.remove(x)
print(l)
for x in (1, "a", None): print(x, end=" ")
print()
class L(list):
    def __iter__(self):
        return iter([9, 9])
for x in L([1, 2]): print(x, end=" ")
print()
class T(tuple): pass
for x in T((4, 5)): print(x, end=" ")
print()
def g():
    for i in range(3):
        yield i
    for x in [7, 8]:
        yield x
print(list(g()))
for i in range(3):
    for j in [10, 20]:
        if j == 20: break
        print(i, j, end="; ")
else:
    print("else")
try:
    for i in range(5):
        if i == 2: raise ValueError(i)
except ValueError as e:
    print("caught", e)
print([x * 2 for x in range(4)], [y for y in (1, 2)], sum(i for i in range(10)))
r = range(3)
for a in r:
    for b in r:
        pass
print(a, b)
