# Augmented assignment for every operator on ints, floats, strings, lists, attributes, items.
x = 10
x += 5; print(x)
x -= 3; print(x)
x *= 2; print(x)
x //= 5; print(x)
x %= 3; print(x)
x **= 10; print(x)
x <<= 3; print(x)
x >>= 1; print(x)
x &= 0xff; print(x)
x |= 0x100; print(x)
x ^= 0x3; print(x)
x /= 4; print(x)
f = 1.5
f *= 4; f -= 0.5; f /= 2; print(f)
s = 'ab'
s += 'cd'; s *= 2; print(s)
l = [1]
alias = l
l += [2, 3]
print(l, alias is l, alias)
l *= 2
print(l, alias is l)
t = (1,)
talias = t
t += (2,)
print(t, talias)
class A:
    pass
a = A()
a.n = 1
a.n += 41
print(a.n)
d = {'k': 1}
d['k'] += 9
d['new'] = d.get('new', 0) + 1
print(d)
m = [[0, 0], [0, 0]]
m[1][0] += 7
print(m)
calls = []
def idx():
    calls.append('idx')
    return 0
z = [5]
z[idx()] += 1
print(z, calls)
big = 2 ** 62
big += big
print(big)
