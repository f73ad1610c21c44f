# Closure cells see later rebinding in the enclosing scope; cells in loops and comprehensions.
def f():
    x = 1
    def g():
        return x
    x = 2
    r1 = g()
    x = 3
    return r1, g()
print(f())
def loop_cells():
    out = []
    for i in range(3):
        def capture(j=i):
            return j, i
        out.append(capture)
    return [c() for c in out]
print(loop_cells())
def comp_closure():
    return [(lambda: k)() for k in range(3)], [g() for g in [lambda: k for k in range(3)]]
print(comp_closure())
def arg_closure(arg):
    def h():
        return arg * 2
    arg = arg + 1
    return h()
print(arg_closure(5))
def class_in_func(v):
    class K:
        def get(self):
            return v
    return K().get()
print(class_in_func('captured'))
