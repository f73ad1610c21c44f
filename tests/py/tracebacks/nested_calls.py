# Uncaught exception through nested function calls: every frame listed outermost first.
def h(x):
    return 10 // x
def g(x):
    return h(x - 1)
def f():
    print('calling g')
    return g(1)
f()
print('not reached')
