# Unicode strings: indexing, slicing, len, find, iteration and reversal with 1-4 byte UTF-8 characters.
s = 'aé€😀b' * 3
print(len(s), s[0], s[1], s[2], s[3], s[4], s[-1], s[-2], s[-3], s[7], s[-15])
print(s[1:4], s[3:8], s[-4:], s[::5], s[1::5], s[::-1][:5], s[10:2:-3])
print(s.find('😀'), s.find('😀', 4), s.rfind('é'), s.index('b'), s.count('€'), s.count('😀b'))
print('/'.join([c for c in 'x😀y']), '/'.join(reversed('é€😀')), ''.join(sorted('😀é€a')))
print('😀' in s, '€😀' in s, 'é€😀b' * 2 in s, s.startswith('aé'), s.endswith('😀b'))
print(s.upper()[:5], s.replace('😀', '[smile]')[:14], '|'.join(s.split('€')[:2]), '|'.join(s.partition('😀')))
print([ord(c) for c in s[:5]], len(s.encode()), s.encode()[:6])
t = ''
for c in 'héllo wörld':
    t = c + t
print(t, len(t))
