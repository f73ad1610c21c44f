# list equality/ordering with nested and mixed element types, copying semantics, multiplication aliasing.
a = [1, [2, 3]]
b = [1, [2, 3]]
print(a == b, a is b, a[1] is b[1], a < [1, [2, 4]], a > [1, [2]], [1, 2] == (1, 2))
c = a * 2
c[1].append(4)
print(c, a)
print([1.0, 2] == [1, 2.0], [float('nan')] == [float('nan')])
x = float('nan')
print([x] == [x], [x].count(x), [x].index(x), x in [x])
print(max([[1, 2], [1, 3], [0, 9]]), min([[2], [1, 5], [1]]))
