# Methods of module classes taken from the class and called with a `self` of the wrong type
import collections, array, io, re
def check(f):
    try:
        f()
        print('no exception')
    except Exception as e:
        print(type(e).__name__ + ':', e)

check(lambda: collections.deque.append([], 1))
check(lambda: array.array.append([], 1))
check(lambda: io.StringIO.write([], 'a'))
check(lambda: io.BytesIO.getvalue(1))
check(lambda: collections.OrderedDict.popitem({}))
check(lambda: type(re.compile('a')).match(1, 'a'))
d = collections.deque([1], 3)
collections.deque.append(d, 2)
print(list(d))
a = array.array('i', [1])
array.array.append(a, 2)
print(list(a))
