# try/except: matching by class, tuple of classes, base classes, order of handlers, bare except, `as` binding.
def classify(f):
    try:
        f()
    except ZeroDivisionError:
        return 'zero'
    except (KeyError, IndexError) as e:
        return 'lookup ' + type(e).__name__
    except ArithmeticError:
        return 'arith'
    except Exception as e:
        return 'other ' + type(e).__name__
    return 'none'
print(classify(lambda: 1 / 0), classify(lambda: {}['k']), classify(lambda: [][1]))
print(classify(lambda: 2.0 ** 5000), classify(lambda: int('x')), classify(lambda: None))
def bare():
    try:
        raise ValueError
    except:
        return 'bare caught'
print(bare())
try:
    try:
        raise TypeError('inner')
    except ValueError:
        print('not here')
except TypeError as e:
    print('outer caught', e.args)
e = 'before'
try:
    raise KeyError('x')
except KeyError as e:
    pass
print('e' in dir())
try:
    raise IndexError
except LookupError as err:
    print('LookupError caught', type(err).__name__)
def nested():
    try:
        try:
            1 / 0
        finally:
            print('inner finally')
    except ZeroDivisionError:
        print('outer except')
nested()
