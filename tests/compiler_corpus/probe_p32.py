def f():
    global g
    g = lambda: g
