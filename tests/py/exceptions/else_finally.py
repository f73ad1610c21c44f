# try/else/finally: execution order with and without exceptions, with return/break/continue.
def run(fail):
    log = []
    try:
        log.append('try')
        if fail:
            raise ValueError
    except ValueError:
        log.append('except')
    else:
        log.append('else')
    finally:
        log.append('finally')
    return log
print(run(False), run(True))
def ret_in_try():
    try:
        return 'from try'
    finally:
        print('finally before return')
print(ret_in_try())
def finally_overrides():
    try:
        raise ValueError
    finally:
        return 'finally swallowed'
print(finally_overrides())
for i in range(3):
    try:
        if i == 0:
            continue
        if i == 2:
            break
        print('body', i)
    finally:
        print('finally', i)
def else_exc():
    try:
        pass
    except Exception:
        pass
    else:
        raise KeyError('from else')
try:
    else_exc()
except KeyError as e:
    print('else raised', e.args)
count = 0
while True:
    try:
        count += 1
        if count == 3:
            break
    finally:
        print('loop finally', count)
def gen_finally():
    try:
        yield 1
        yield 2
    finally:
        print('gen finally')
for v in gen_finally():
    print('got', v)
