x = 1
def f():
    global x
    x = 2
def g():
    return x
def h():
    global y
    y = 3
    return y
def i():
    global z
    del z
print(x)
global w
w = 5
