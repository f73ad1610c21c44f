# TypeError messages for set operators with non-set operands and unhashable elements.
def check(f):
    try:
        f()
        print("no exception")
    except Exception as e:
        print(type(e).__name__ + ":", e)
check(lambda: {1} | [1])
check(lambda: {1} & 'a')
check(lambda: {1} - (1,))
check(lambda: {1} ^ None)
check(lambda: frozenset() | [])
check(lambda: {1}.add([]))
check(lambda: {1}.update([[1]]))
