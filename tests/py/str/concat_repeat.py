# String concatenation, repetition, comparison, membership, iteration, len, min/max.
a, b = 'foo', 'bar'
print(a + b, a * 3, 3 * a, a * 0, a * -2, '' * 5, (a + b) * 2)
print(a < b, a > b, a == 'foo', a != 'foo', 'a' < 'aa', 'Z' < 'a', 'é' > 'z', '' < 'a')
print('oo' in a, 'x' in a, '' in a, 'foo' in 'foo', 'of' not in a)
print(list('hello'), [c for c in 'ab'], len(''), len('😀😀'), min('hello'), max('hello'))
print(sorted('banana'), 'abc'[::-1] == ''.join(reversed('abc')))
s = ''
for i in range(5):
    s += str(i)
print(s)
print(str(1) + str(2.5) + str(None) + str([1]) + str((2,)))
print(hash('abc') == hash('ab' + 'c'), 'abc' is not None)
