# and/or/not: return the deciding operand, short-circuit evaluation.
def t(x):
    print('t', x)
    return x
print(1 and 2, 0 and 2, 1 or 2, 0 or 2, None or 0, '' and 1)
print([] or [1], [0] and 'y', 0.0 or None)
print(t(0) and t(1))
print(t(1) and t(0))
print(t(1) or t(2))
print(t(0) or t(2))
print(t(0) or t('') or t(None))
print(t(1) and t(2) and t(3))
print(not t(0), not t([1]))
x = None
name = x or 'default'
print(name)
print((1 and 0) or (2 and 3))
print(0 or 0.0 or 0j or '' or b'' or () or 'found')
print(all([]), any([]))
