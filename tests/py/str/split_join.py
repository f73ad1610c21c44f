# str.split / rsplit / join: default whitespace, explicit separators, maxsplit, edge cases.
s = '  a  b\tc\nd  '
print(s.split(), s.split(' '), s.split(None, 1), s.rsplit(None, 1), s.rsplit())
print('a,b,,c'.split(','), 'a,b,,c'.split(',', 1), 'a,b,,c'.rsplit(',', 1), 'a,b,,c'.split(',', 0))
print(''.split(), ''.split(','), ' '.split(), ' '.split(' '), ','.split(','))
print('a--b--c'.split('--'), 'a--b--c'.rsplit('--', 1), 'abc'.split('abc'), 'abcabc'.split('bc'))
print('1 2 3'.split(maxsplit=1), '1 2 3'.rsplit(maxsplit=1), '1 2 3'.split(sep=' ', maxsplit=-1))
print('a b c'.split(' ', -1), 'x'.split('x'), 'xx'.split('x'))
print(','.join(['a', 'b', 'c']), ''.join(['x', 'y']), '-'.join('abc'), ', '.join([]), 'sep'.join(['only']))
print('.'.join(str(i) for i in range(4)), ' '.join(('t', 'u')), '+'.join({'k': 1, 'j': 2}))
print('\u00e9'.join(['a', 'b']), len('€'.join(['x'] * 3)))
try:
    'abc'.split('')
except ValueError:
    print('ValueError empty separator')
try:
    ','.join(['a', 1])
except TypeError:
    print('TypeError join')
