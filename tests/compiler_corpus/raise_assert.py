def f(x):
    if x:
        raise
    raise ValueError
def g():
    raise ValueError('x') from None
def h():
    raise E from e
assert x
assert x, 'message'
assert x and y, msg
