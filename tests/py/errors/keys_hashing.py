# KeyError messages (str(e) has no quotes in MicroPython) and unhashable-type TypeErrors.
def check(f):
    try:
        f()
        print("no exception")
    except Exception as e:
        print(type(e).__name__ + ":", e)
class A:
    def __eq__(s, o):
        return True
def delkey(d, k):
    del d[k]
check(lambda: {}.pop(1))
check(lambda: {}['k'])
check(lambda: {}[1])
check(lambda: {}[(1, 2)])
check(lambda: {}[None])
check(lambda: delkey({}, 'x'))
check(lambda: set().remove(1))
check(lambda: set().remove('a'))
check(lambda: {[]: 1})
check(lambda: hash([]))
check(lambda: {[]})
check(lambda: set([[1]]))
check(lambda: {{}: 1})
check(lambda: {set()})
check(lambda: hash(bytearray()))
check(lambda: hash(A()))
