# getattr/setattr/hasattr/delattr on instances, classes and modules, with defaults and dynamic names.
import sys
class A:
    cls_attr = 'class'
    def method(self):
        return 'method result'
a = A()
setattr(a, 'x', 10)
print(getattr(a, 'x'), a.x, hasattr(a, 'x'), hasattr(a, 'y'), getattr(a, 'y', 'default'), getattr(a, 'cls_attr'))
print(getattr(a, 'method')(), getattr(A, 'method')(a), hasattr(A, 'method'))
delattr(a, 'x')
print(hasattr(a, 'x'))
for name in ['p', 'q']:
    setattr(a, name, name * 2)
print(a.p, a.q)
setattr(A, 'added', 'on class')
print(a.added, getattr(sys, 'nonexistent', 'no attr'), hasattr(sys, 'exit'))
print(getattr(1, 'real'), getattr('s', 'upper')(), hasattr([], 'append'), hasattr(None, 'x'))
try:
    getattr(a, 'missing')
except AttributeError:
    print('AttributeError')
try:
    delattr(a, 'missing')
except AttributeError:
    print('AttributeError del')
