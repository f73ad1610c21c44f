# Generator expressions: laziness, single pass, as call arguments, nested, early termination.
g = (x * 2 for x in range(5))
print(type(g).__name__, next(g), next(g), list(g), list(g))
print(sum(x * x for x in range(10)), max(len(w) for w in ['a', 'abc', 'ab']), any(x > 3 for x in [1, 5]))
def noisy(n):
    for i in range(n):
        print('produce', i)
        yield i
lazy = (v * 10 for v in noisy(3))
print('created')
print(next(lazy))
print(list(lazy))
print(all(x < 2 for x in noisy(5)))
print(sorted((c for c in 'banana'), reverse=True), ''.join(c for c in 'abc' if c != 'b'))
print(list((x, y) for x in range(2) for y in 'ab'), tuple(i for i in range(3)), set(i % 2 for i in range(5)) == {0, 1})
nested = ((i, j) for i in range(3) for j in range(i))
print(list(nested))
