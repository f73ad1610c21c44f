# help(obj) (MicroPython's format: the object, its type, then its class's attributes) and help('modules')
class A:
    x = 1
    y = 'two'
help(A)
help(None)
help('modules')
