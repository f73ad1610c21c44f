# Name resolution LEGB: local, enclosing, global, builtin; shadowing builtins locally and globally.
x = 'global'
def outer():
    x = 'enclosing'
    def inner():
        return x
    return inner()
def local():
    x = 'local'
    return x
def glob():
    return x
print(outer(), local(), glob())
def shadow_len():
    len = lambda s: 'shadowed'
    return len('abc')
print(shadow_len(), len('abc'))
max = 'global max'
print(max)
del max
print(max(1, 2))
def uses_builtin():
    return abs(-3)
print(uses_builtin())
y = 1
def read_then_global():
    global y
    y = y + 1
    return y
print(read_then_global(), y)
