# An exception raised inside a finally block replaces the original one.
def f():
    try:
        raise ValueError('original')
    finally:
        print('finally')
        raise TypeError('from finally')
f()
