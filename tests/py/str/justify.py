# center / ljust / rjust / zfill with fill characters, widths smaller than length, unicode.
for w in [0, 3, 8, 9]:
    print(repr('abc'.center(w)), repr('abc'.ljust(w)), repr('abc'.rjust(w)), repr('abc'.center(w, '*')))
print('ab'.center(5, '-'), 'ab'.center(6, '-'), 'abc'.center(6, '-'), 'abc'.center(7, '-'))
print('x'.ljust(4, '.') + '|', 'x'.rjust(4, '.'), 'é'.center(5, '€'))
print('42'.zfill(5), '-42'.zfill(5), '+42'.zfill(5), 'abc'.zfill(6), '12345'.zfill(3), ''.zfill(2), '-'.zfill(3))
print('3.14'.zfill(7), '-0.5'.zfill(6))
