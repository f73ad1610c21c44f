# return: implicit None, multiple values as tuple, early return, return in loops and try/finally.
def none():
    pass
def explicit():
    return
def multi():
    return 1, 'two', [3]
def early(x):
    if x > 0:
        return 'pos'
    elif x < 0:
        return 'neg'
    return 'zero'
def find(items, target):
    for i, v in enumerate(items):
        if v == target:
            return i
    return -1
def fin():
    try:
        return 'try'
    finally:
        print('finally runs')
def override():
    try:
        return 'try'
    finally:
        return 'finally'
print(none(), explicit(), multi(), early(5), early(-1), early(0))
print(find('abc', 'c'), find('abc', 'z'), fin(), override())
a, b, c = multi()
print(a, b, c)
def nested_loop():
    for i in range(3):
        for j in range(3):
            if i * j == 2:
                return i, j
print(nested_loop())
