# Uncaught exception through a decorator wrapper: wrapper and wrapped function frames.
def logged(fn):
    def wrapper(*args):
        print('calling', fn.__name__)
        return fn(*args)
    return wrapper
@logged
def parse(s):
    return int(s)
parse('12')
parse('twelve')
