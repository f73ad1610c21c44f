def f(x):
    try:
        return g(x)
    except E:
        return None
