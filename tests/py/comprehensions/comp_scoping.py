# Comprehension scopes: own loop variables, closures capturing the comprehension variable, class bodies.
x = 10
print([x for x in range(3)], x)
print([lambda: x for x in range(3)][0](), [(lambda: i)() for i in range(3)])
def f():
    y = 5
    return [y * i for i in range(3)]
print(f())
class C:
    base = [1, 2, 3]
    doubled = [v * 2 for v in base]
    total = sum(v for v in base)
print(C.doubled, C.total)
def g():
    return {k: [k * n for n in range(2)] for k in 'ab'}
print(g())
outer = [[(i, j) for j in range(i)] for i in range(3)]
print(outer)
