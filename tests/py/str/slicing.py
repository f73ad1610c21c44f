# String indexing and slicing: negative indices, steps, reversed, out-of-range bounds.
s = 'abcdefghij'
print(s[0], s[-1], s[3], s[-3], s[2:5], s[:3], s[7:], s[-3:], s[:-3], s[:], s[100:], s[-100:2])
print(s[::2], s[1::2], s[::-1], s[::-2], s[8:2:-1], s[8:2:-3], s[2:8:-1], s[-1:-4:-1])
print(s[5:5], s[6:2], s[::3], s[::100], s[::-100], s[1:-1:4])
for i in range(-len(s), len(s)):
    assert s[i] == s[i:i + 1] or i == -1
print(s[slice(2, 6)], s[slice(None, None, -3)], s[slice(1, None)])
u = 'aé€😀z'
print(len(u), u[1], u[2], u[3], u[-1], u[1:4], u[::-1], u[::2], u[-2::-2])
try:
    s[10]
except IndexError:
    print('IndexError')
try:
    s[-11]
except IndexError:
    print('IndexError')
