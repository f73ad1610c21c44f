# Exceptions raised inside except and finally blocks replace the active one; finally runs on the way out.
def a():
    try:
        raise ValueError('first')
    except ValueError:
        raise TypeError('second')
try:
    a()
except TypeError as e:
    print('got', type(e).__name__, e.args)
def b():
    try:
        raise ValueError('first')
    finally:
        raise KeyError('from finally')
try:
    b()
except KeyError as e:
    print('got', type(e).__name__, e.args)
except ValueError:
    print('not this')
def c():
    try:
        return 'value'
    finally:
        raise IndexError('finally raises')
try:
    c()
except IndexError as e:
    print('got', type(e).__name__)
def d():
    for i in range(3):
        try:
            raise ValueError(i)
        except ValueError as e:
            if i == 1:
                return 'returned at ' + str(e.args[0])
print(d())
