# vars() of instances/classes/modules and dir() filtered to user-defined names, sorted.
class A:
    ca = 1
    def __init__(self):
        self.x = 1
        self.y = 2
    def m(self):
        pass
a = A()
print(vars(a), sorted(vars(a)))
print(sorted(n for n in dir(a) if not n.startswith('_')))
print(sorted(n for n in dir(A) if not n.startswith('_')))
print('ca' in vars(A), 'm' in vars(A))
import sys
print('exit' in dir(sys), 'path' in dir(sys))
print([n for n in dir([]) if n in ('append', 'pop', 'sort')])
