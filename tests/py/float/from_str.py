# float() from strings: decimal, exponent, whitespace, signs, underscores, special, bytes.
for s in ['1', '1.5', '-1.5', '+2', '  3.25  ', '\n4\t', '1e3', '1E-3', '.5', '5.', '1_0.5',
          '1.5e+2', '0', '-0', '-0.0', '00012.5', '1e500', '-1e500', '1e-500', 'inf', '-Infinity',
          'nan', '123456789012345678901234567890', '0.1', '2.5e-3', '9007199254740993']:
    print(repr(s), repr(float(s)))
print(float(b'1.5'), float(bytearray(b'-2')))
print(float(3), float(-7), float(2 ** 70), float(True))
for bad in ['', ' ', 'x', '1.2.3', '1e', 'e5', '--1', '1_', '_1', '0x10', '1 2', 'infx']:
    try:
        float(bad)
        print('parsed', repr(bad))
    except ValueError:
        print('ValueError', repr(bad))
