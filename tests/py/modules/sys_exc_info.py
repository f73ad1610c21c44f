# sys.exc_info: the exception being handled, also from called functions and finally blocks
import sys

print(sys.exc_info())
def inner():
    return sys.exc_info()
try:
    raise ValueError('x')
except ValueError:
    t, v, tb = sys.exc_info()
    print(t.__name__, v, inner()[1] is v)
    try:
        raise KeyError('k')
    except KeyError:
        print(sys.exc_info()[0].__name__)
    print(sys.exc_info()[0].__name__)
print(sys.exc_info())
try:
    try:
        raise TypeError('t')
    finally:
        print(sys.exc_info()[0].__name__)
except TypeError:
    pass
print(sys.exc_info()[0])
