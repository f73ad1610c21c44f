# array: values that do not fit the typecode (only the exception class is printed)
import array

def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__)

check(lambda: array.array('b', [300]))
check(lambda: array.array('B', [-1]))
check(lambda: array.array('Q', [-1]))
check(lambda: array.array('i', [1.5]))
check(lambda: array.array('i', ['a']))
a = array.array('h', [1])
def setit():
    a[0] = 2**20
check(setit)
check(lambda: a.append(None))
