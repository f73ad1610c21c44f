# list methods: append, extend, insert, remove, pop, clear, index, count, copy, reverse.
l = [3, 1, 2]
l.append(4); print(l)
l.extend([5, 6]); l.extend((7,)); l.extend('ab'); l.extend(range(2)); print(l)
l.insert(0, 'first'); l.insert(-1, 'before-last'); l.insert(100, 'end'); l.insert(-100, 'start'); print(l)
l.remove('a'); print(l)
print(l.pop(), l.pop(0), l.pop(-2), l.pop(1), l)
print(l.index(2), l.index(5), l.count(1), l.count('zz'), [1, 1, 2, 1].count(1))
print([1, 2, 3, 2].index(2, 2), [1, 2, 3, 2].index(2, -2), [1, 2, 3].index(3, 0, 3))
c = l.copy()
c.append('x')
print(len(l) != len(c), c[-1])
l.reverse(); print(l)
l.clear(); print(l, len(l))
r = [1, 2, 3]
print(r.append(4), r.extend([]), r.insert(0, 0), r.reverse(), r.clear())
for bad in [lambda: [].pop(), lambda: [1].pop(5), lambda: [1].remove(2), lambda: [1].index(2)]:
    try:
        bad()
    except (IndexError, ValueError) as e:
        print(type(e).__name__)
nested = [[1], [2]]
shallow = nested.copy()
shallow[0].append(9)
print(nested)
