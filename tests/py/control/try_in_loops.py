# try/except/else/finally inside loops with break/continue/return interplay.
def process(items):
    out = []
    for x in items:
        try:
            if x == 'skip':
                continue
            if x == 'stop':
                break
            v = 10 // x
        except ZeroDivisionError:
            out.append('div0')
        except TypeError:
            out.append('type')
        else:
            out.append(v)
        finally:
            out.append('|')
    else:
        out.append('completed')
    return out
print(process([1, 0, 'a', 'skip', 5]))
print(process([2, 'stop', 3]))
def retry(n):
    attempts = 0
    while True:
        attempts += 1
        try:
            if attempts < n:
                raise OSError('flaky')
            return attempts
        except OSError:
            continue
print(retry(3))
