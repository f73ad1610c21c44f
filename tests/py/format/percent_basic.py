# %-formatting: s r d i u x X o c %, tuples vs single values, %% literal.
print('%s|%r|%d|%i|%x|%X|%o|%c|%%' % ('str', 'str', 42, -7, 255, 255, 8, 65))
print('%s' % 'single', '%s' % (('tuple', 1),), '%s %s' % ('a', 'b'), '%d%%' % 50)
print('%s' % None, '%s' % [1, 2], '%r' % [1, 'a'], '%s' % 1.5, '%r' % 'q"uote')
print('%d' % 3.99, '%d' % -3.99, '%d' % True, '%x' % 2 ** 70, '%o' % -8, '%c' % 'z', '%c' % 0x20ac)
print('%u' % 5, '%i' % 12, '%X' % 0xabc, '%s and %r' % (b'b', b'b'))
print('no args' % (), '%s' % ((),), '%s' % {'k': 1}, '%d items' % len([1, 2]))
