# raise forms: class, instance, re-raise with bare raise, raise in except, raise from (cause not printed).
def catch(f):
    try:
        f()
    except Exception as e:
        return type(e).__name__, e.args
print(catch(lambda: (_ for _ in ()).throw(ValueError)))
def r1():
    raise ValueError
def r2():
    raise ValueError('msg', 2)
def r3():
    try:
        raise KeyError('k')
    except KeyError:
        raise
def r4():
    try:
        1 / 0
    except ZeroDivisionError:
        raise RuntimeError('converted')
def r5():
    try:
        raise OSError('io')
    except OSError as e:
        raise e
def r6():
    raise TypeError('with cause') from None
print(catch(r1), catch(r2), catch(r3), catch(r4), catch(r5), catch(r6))
err = IndexError('prebuilt')
def r7():
    raise err
try:
    r7()
except IndexError as e:
    print(e is err)
try:
    raise
except RuntimeError:
    print('RuntimeError bare raise with no active exception')
