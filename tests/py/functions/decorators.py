# Decorators: simple wrappers, with arguments, stacked, class decorators, preserving behaviour.
def trace(fn):
    def wrapper(*a, **k):
        print('call', fn.__name__, a, k)
        return fn(*a, **k)
    return wrapper
@trace
def add(a, b):
    return a + b
print(add(1, b=2))
def repeat(n):
    def deco(fn):
        def wrapper(*a):
            return [fn(*a) for _ in range(n)]
        return wrapper
    return deco
@repeat(3)
def hello(name):
    return 'hi ' + name
print(hello('bob'))
def bold(fn):
    return lambda: '<b>' + fn() + '</b>'
def italic(fn):
    return lambda: '<i>' + fn() + '</i>'
@bold
@italic
def text():
    return 'txt'
print(text())
registry = []
def register(cls):
    registry.append(cls.__name__)
    return cls
@register
class A:
    pass
@register
class B:
    pass
print(registry)
def counted(fn):
    calls = [0]
    def wrapper(*a):
        calls[0] += 1
        return fn(*a), calls[0]
    return wrapper
@counted
def one():
    return 1
print(one(), one(), one())
def deco_with_obj(obj):
    def deco(fn):
        return obj
    return deco
@deco_with_obj('replaced')
def gone():
    pass
print(gone)
class Memo:
    def __init__(self, fn):
        self.fn = fn
        self.cache = {}
    def __call__(self, n):
        if n not in self.cache:
            self.cache[n] = self.fn(n)
        return self.cache[n]
@Memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(40), len(fib.cache))
