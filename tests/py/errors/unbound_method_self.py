# Native methods taken from their builtin type and called with a `self` of the wrong type
def check(f):
    try:
        f()
        print('no exception')
    except Exception as e:
        print(type(e).__name__ + ':', e)

check(lambda: str.upper(5))
check(lambda: str.join(1, []))
check(lambda: str.format(1, 2))
check(lambda: list.append((), 1))
check(lambda: list.sort((3, 1)))
check(lambda: tuple.count([], 1))
check(lambda: dict.get([], 1))
check(lambda: dict.keys(1))
check(lambda: dict.update([], {}))
check(lambda: set.add([], 1))
check(lambda: frozenset.union(set(), 1))
check(lambda: bytes.hex('ab'))
check(lambda: bytearray.append(b'', 1))
check(lambda: int.to_bytes('x', 1, 'big'))
check(lambda: float.is_integer(1))
check(lambda: list.__len__((1,)))
check(lambda: str.__add__(1, 'a'))
check(lambda: dict.__getitem__([1], 0))
check(lambda: Exception.__str__(1))
# Missing self
check(lambda: str.upper())
check(lambda: list.append())
# Kept in a variable, in map and as a class attribute
up = str.upper
check(lambda: up(b'x'))
check(lambda: list(map(str.strip, [' a', 1])))
class A:
    f = list.append
check(lambda: A().f(1))
