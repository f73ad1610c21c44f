# pass, Ellipsis (...), and NotImplemented as plain values.
def f():
    pass
print(f())
class A:
    pass
print(type(A()).__name__)
for i in range(3):
    pass
print(i)
print(..., Ellipsis, ... is Ellipsis, type(...).__name__)
def g():
    ...
print(g())
x = [1, ..., 3]
print(x)
print(repr(NotImplemented), bool(...))
if True:
    pass
else:
    pass
while False:
    pass
try:
    pass
except Exception:
    pass
finally:
    pass
print('done')
