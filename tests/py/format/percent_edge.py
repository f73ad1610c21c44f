# %-formatting edge cases: every conversion with flags and widths, mappings, * widths, bytes and bytearray formats.
def t(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__)
for fmt in ['%d', '%5d', '%-5d|', '%05d', '%+d', '% d', '%.3d', '%8.3d', '%-8.3d|', '%x', '%#x', '%#X', '%o', '%#o', '%#8x', '%#08x', '%i', '%u', '%e', '%.2e', '%E', '%f', '%.0f', '%#.0f', '%10.3f', '%-10.3f|', '%+f', '%g', '%G', '%.3g', '%s', '%r', '%a', '%c', '%5s', '%-5s|', '%.2s', '%%', '%5%']:
    for v in [42, -42, 0, 3.75, -0.5, 1e100, 'é', True, 2**65]:
        t(lambda: fmt % v)
t(lambda: '%(a)s-%(b)d' % {'a': 'x', 'b': 5})
t(lambda: '%(a)s %(a)r' % {'a': 'x'})
t(lambda: '%s' % {'a': 1})
t(lambda: '%s %s' % ('a', 'b'))
t(lambda: '%s' % (('a', 'b'),))
t(lambda: '%s' % [1, 2])
t(lambda: '%*d|' % (5, 3))
t(lambda: '%-*d|' % (5, 3))
t(lambda: '%*d|' % (-5, 3))
t(lambda: '%.*f' % (2, 3.14159))
t(lambda: '%c%c' % (104, 'i'))
t(lambda: '%ld %hd' % (1, 2))
t(lambda: 'abc' % ())
t(lambda: 'abc' % {})
t(lambda: 'abc' % [])
t(lambda: '%s' % None)
t(lambda: '%d' % None)
t(lambda: '%x' % -255)
t(lambda: '%o' % -8)
t(lambda: '%.1f%%' % 50)
t(lambda: b'%s' % b'abc')
t(lambda: b'%5s|' % b'ab')
t(lambda: b'%r' % b'ab')
t(lambda: b'%a' % 'é')
t(lambda: b'%c' % 65)
t(lambda: b'%c' % b'A')
t(lambda: b'%d%%' % 5)
t(lambda: b'%x' % 255)
t(lambda: b'%.2f' % 1.5)
t(lambda: b'%(k)s' % {b'k': b'v'})
t(lambda: bytearray(b'%d') % 5)
t(lambda: b'%s' % bytearray(b'ba'))
t(lambda: b'%s' % memoryview(b'mv'))
t(lambda: '%s' % b'x')
t(lambda: '%r' % 'it\'s')
t(lambda: '%10r|' % 'x')
t(lambda: '%-010d|' % 5)
t(lambda: '%010s|' % 'x')
t(lambda: '%#5o' % 8)
t(lambda: '%.0e' % 12345)
t(lambda: '%#.0e' % 12345)
t(lambda: '%g' % 1e-5)
t(lambda: '%g' % 123456789)
t(lambda: '%.10g' % 0.1)
t(lambda: '%5.1s|' % 'abc')
t(lambda: '%f' % float('inf'))
t(lambda: '%05f' % float('nan'))
t(lambda: '%+.2f' % -0.0)
class Ix:
    def __index__(self): return 7
    def __int__(self): return 8
t(lambda: '%x' % Ix())
t(lambda: '%d' % Ix())
class Fl:
    def __float__(self): return 2.5
t(lambda: '%f' % Fl())
class T(tuple):
    pass
class D(dict):
    def __missing__(self, k):
        return '<' + k + '>'
print('%s-%s' % T((1, 2)), '%(a)s %(b)s' % D(a=5), '%s' % D(a=1), '%s' % T((3,)))
