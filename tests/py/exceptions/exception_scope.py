# The `except ... as name` variable is deleted after the handler; nested handlers and sys.exc_info-free checks.
try:
    raise ValueError('v')
except ValueError as err:
    inside = str(err)
print(inside)
try:
    err
    print('still bound')
except NameError:
    print('err unbound after except')
def f():
    x = 'keep'
    try:
        raise KeyError
    except KeyError as x:
        pass
    try:
        return x
    except NameError:
        return 'x deleted'
print(f())
try:
    try:
        raise TypeError('first')
    except TypeError as a:
        try:
            raise ValueError('second')
        except ValueError as b:
            print(type(a).__name__, type(b).__name__)
        print(str(a))
except Exception:
    print('no')
