def g():
    try:
        yield 1
    finally:
        print('done')
def h():
    with ctx() as c:
        yield c
def i():
    for x in range(3):
        try:
            yield x
        except Exception:
            break
