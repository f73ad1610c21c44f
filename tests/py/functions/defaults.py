# Default argument values: evaluated once at def time, mutable default sharing, None idiom.
def f(a, b=2, c='three'):
    return a, b, c
print(f(1), f(1, 5), f(1, c='C'), f(1, 2, 3), f(a=0), f(c=1, a=2))
def acc(x, into=[]):
    into.append(x)
    return into
print(acc(1), acc(2), acc(3, []), acc(4))
def safe(x, into=None):
    if into is None:
        into = []
    into.append(x)
    return into
print(safe(1), safe(2))
n = 10
def snapshot(v=n):
    return v
n = 20
print(snapshot(), n)
def expr_default(a=[i * i for i in range(3)], b={'k': 1}, c=(lambda: 'lam')):
    return a, b, c()
print(expr_default())
def only_defaults(x=1, y=2):
    return x * y
print(only_defaults(), only_defaults(5), only_defaults(y=5))
