def deco(f):
    def w(*a, **k):
        return f(*a, **k)
    return w
