# Exceptions re-raised through several nested try levels, with handlers adding context to a log.
log = []
def level3():
    raise KeyError('deep')
def level2():
    try:
        level3()
    except KeyError:
        log.append('level2 saw KeyError')
        raise
def level1():
    try:
        level2()
    except LookupError as e:
        log.append('level1 saw ' + type(e).__name__)
        raise ValueError('wrapped') from e
try:
    level1()
except ValueError as e:
    log.append('top saw ' + str(e))
print(log)
def swallow():
    try:
        try:
            raise TypeError('inner')
        except TypeError:
            raise
    except TypeError as e:
        return 'swallowed ' + e.args[0]
print(swallow())
