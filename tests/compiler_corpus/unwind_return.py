def f():
    for x in y:
        for z in w:
            return z
def g():
    with a:
        for x in y:
            return x
def h():
    try:
        for x in y:
            try:
                return x
            finally:
                pass
    finally:
        pass
