# lambda: expressions, defaults, closures over loop variables, immediate calls, in sort keys.
sq = lambda x: x * x
add = lambda a, b=10: a + b
print(sq(5), add(1), add(1, 2), (lambda: 'no args')(), (lambda *a, **k: (a, k))(1, z=2))
fs = [lambda: i for i in range(3)]
print([f() for f in fs])
fs2 = [lambda i=i: i for i in range(3)]
print([f() for f in fs2])
print(sorted(['bb', 'a', 'ccc'], key=lambda s: -len(s)))
print(list(map(lambda x, y: x + y, [1, 2], [10, 20])), list(filter(lambda x: x % 2, range(6))))
compose = lambda f, g: lambda x: f(g(x))
print(compose(sq, add)(2))
print((lambda x: (lambda y: x + y))(1)(2))
print((lambda: 0) is not None, (lambda x: x if x else 'falsy')(0))
print((lambda: None).__name__)
