# TypeError messages for iterating non-iterables and calling next() on non-iterators.
def check(f):
    try:
        f()
        print("no exception")
    except Exception as e:
        print(type(e).__name__ + ":", e)
class I1:
    def __iter__(self):
        return 1
class I2:
    def __next__(self):
        return 1
def for_loop(o):
    for x in o:
        pass
check(lambda: for_loop(1))
check(lambda: iter(1))
check(lambda: iter(None))
check(lambda: next([]))
check(lambda: next(1))
check(lambda: next(iter([])))
check(lambda: list(1))
check(lambda: tuple(None))
check(lambda: zip(1))
check(lambda: enumerate(1))
check(lambda: sorted(1))
check(lambda: [x for x in 5])
check(lambda: sum(5))
check(lambda: for_loop(I1()))
check(lambda: for_loop(I2()))
check(lambda: reversed(1))
