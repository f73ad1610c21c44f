# A bare `raise` re-raises the caught exception with its original traceback frames.
def risky():
    raise TypeError('bad type')
def wrapper():
    try:
        risky()
    except TypeError:
        print('logging and re-raising')
        raise
wrapper()
