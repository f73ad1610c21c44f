# str.format: automatic/manual numbering, keywords, attribute and index access, conversions, nesting, braces.
print('{} {} {}'.format(1, 'two', 3.0), '{0} {1} {0}'.format('a', 'b'), '{x}-{y}'.format(x=1, y=2))
print('{0[0]} {0[1]} {1[k]}'.format([10, 20], {'k': 'v'}), '{0.real} {0.imag}'.format(3 + 4j))
class P:
    x = 5
    def __repr__(self):
        return 'P()'
    def __str__(self):
        return 'p-str'
print('{0.x} {0} {0!r} {0!s}'.format(P()), '{!r:>6}'.format('a'))
print('{{literal}} {{{0}}}'.format('inner'), '{}%'.format(50), '{:{w}}|'.format('x', w=4))
print('{:{fill}{align}{width}}'.format('c', fill='*', align='^', width=7), '{:.{p}f}'.format(3.14159, p=2))
print('{a[1]}'.format(a='xyz'), '{0}{1}{0}'.format('ab', 'cd'), '{:}'.format(5), '{!s:3}|'.format(1))
args = ('a', 'b')
kw = {'n': 1}
print('{} {} {n}'.format(*args, **kw), 'x'.format(), '{0}'.format(*[[1, 2]]))
print('{:d} {:s} {:f}'.format(7, 's', 1.0), '{0:} {0!r:}'.format('e'))
