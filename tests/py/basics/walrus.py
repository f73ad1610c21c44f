# Assignment expressions (:=) in if/while/comprehensions/calls; scoping to the enclosing function.
data = [1, 4, 9, 16, 25]
if (n := len(data)) > 3:
    print('long list', n)
print(n)
it = iter(data)
total = 0
while (v := next(it, None)) is not None:
    total += v
print(total, v)
print([y for x in data if (y := x * 2) > 10])
print(y)
def f():
    [z := i for i in range(3)]
    return z
print(f())
print((a := 5), a + 1)
print([(b := i, b * b) for i in range(3)])
def g(lst):
    if any((hit := x) > 10 for x in lst):
        return hit
    return None
print(g([1, 20, 30]), g([1, 2]))
def counter():
    count = 0
    def inc():
        nonlocal count
        return (count := count + 1)
    inc(); inc()
    return inc()
print(counter())
print(max(w := [3, 1, 2]), w)
