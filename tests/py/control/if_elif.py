# if/elif/else chains, nested ifs, conditions with side effects evaluated once.
def grade(n):
    if n >= 90:
        return 'A'
    elif n >= 80:
        return 'B'
    elif n >= 70:
        return 'C'
    else:
        return 'F'
print([grade(n) for n in (95, 85, 75, 10, 90, 80)])
def sign(x):
    if x:
        if x > 0:
            return 1
        return -1
    return 0
print(sign(5), sign(-3), sign(0))
calls = []
def cond(v):
    calls.append(v)
    return v
if cond(0):
    pass
elif cond(1):
    pass
elif cond(2):
    pass
print(calls)
if []:
    print('empty list true?')
elif {}:
    print('empty dict true?')
else:
    print('both empty')
