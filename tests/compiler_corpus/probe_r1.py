x = [y := i for i in range(3)]
def f():
    return [z := i for i in range(3)], z
