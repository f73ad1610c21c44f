# %-formatting flags and widths: - + space 0 #, width, precision, * width, for ints, floats and strings.
for spec in ['%5d', '%-5d|', '%05d', '%+d', '% d', '%+05d', '%x', '%#x', '%#X', '%#o', '%8.3f', '%-8.2f|', '%08.2f', '%+.1f', '%.0f', '%e', '%.2E', '%g', '%G', '%10.4g', '%#g']:
    print(spec, '->', spec % 42, spec % -42.5 if 'd' not in spec and 'x' not in spec.lower() and 'o' not in spec else spec % -42)
print('%5s|%-5s|%.2s|%5.1s|' % ('abc', 'abc', 'abc', 'abc'))
print('%*d|%-*d|%.*f' % (6, 42, 6, 42, 2, 3.14159))
print('%(name)s is %(age)d, %(name)r' % {'name': 'Ann', 'age': 30})
print('%(a)s %(a)s %(b)05.1f' % {'a': 'x', 'b': 2.25})
print('%.3s' % 'abcdef', '%10r' % 'hi', '%-10r|' % 'hi')
