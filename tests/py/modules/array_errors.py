# array errors: bad typecodes, indexes, values
import array

def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ':', e)

a = array.array('i', [1, 2, 3])
check(lambda: array.array('z'))
check(lambda: a[100])
check(lambda: a.pop(10))
check(lambda: array.array('i').pop())
check(lambda: a.index(99))
check(lambda: a.remove(99))
check(lambda: array.array('b', [1]).extend(array.array('h', [1])))
check(lambda: array.array('i', 'ab'))
