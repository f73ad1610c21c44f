# Star expressions in list/tuple/set displays and calls, ** in calls, unpacking generators and dict views.
a = [1, 2]
b = (3, 4)
print([*a, *b], (*a, 0, *b), {*a, *b} == {1, 2, 3, 4}, [*'ab', *range(2)], (*a,))
print([*(x * 2 for x in a)], [*{'k': 1}.items()], [*{'z': 0, 'y': 1}])
def f(*args, **kw):
    return args, kw
print(f(*a, *b), f(*a, 9, *b, k=1, **{'j': 2}), f(**{'a': 1}, **{'b': 2}))
print(*a, *b, sep='|')
nested = [[*a], [*b, *a]]
print(nested, max(*a, *b), [*[], *()])
