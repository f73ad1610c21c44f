# Conditional expressions: value selection, laziness, nesting, precedence with lambda/or.
def side(x):
    print('eval', x)
    return x
print(side(1) if True else side(2))
print(side(1) if False else side(2))
for n in range(-2, 3):
    print(n, 'neg' if n < 0 else 'zero' if n == 0 else 'pos')
x = 0
y = 10 if x else 20 if not x else 30
print(y)
f = lambda a: 'even' if a % 2 == 0 else 'odd'
print([f(i) for i in range(4)])
print([i if i % 3 else -i for i in range(7)])
print((1 if True else 2) + 10, 1 if True else 2 + 10, 1 if False else 2 + 10)
print(None or 1 if 0 else 'c')
s = 'abc'
print(s[0] if s else '', len(s) if s is not None else -1)
print(*(('a', 'b') if x else ('c',)))
