# int() from strings: bases 2..36, base 0 prefixes, whitespace, signs, underscores, bytes.
print(int('42'), int('-42'), int('+42'), int('  42  '), int('\t7\n'), int('0'), int('-0'))
print(int('1010', 2), int('777', 8), int('ff', 16), int('FF', 16), int('z', 36), int('Zz', 36))
print(int('0x1f', 16), int('0o17', 8), int('0b11', 2), int('0X1F', 0))
print(int('0x10', 0), int('0o10', 0), int('0b10', 0), int('10', 0), int('0', 0), int('00', 0))
print(int('1_000_000'), int('0x_ff', 16), int('1_0', 2))
print(int('123456789012345678901234567890'), int('-' + '9' * 40))
print(int('1' * 64, 2), int('7' * 30, 8))
print(int(b'12'), int(bytearray(b'34')), int(b' -5 '))
print(int(3.9), int(-3.9), int(1e20), int(True), int(-0.5))
print(int('  -0x1F  ', 16), int('-0b101', 0))
print(int(' 12 ', base=10), int('11', base=3))
for bad in ['', ' ', '1.5', '1e3', '12a', '0x', '--1', '1__0', '_1', '1_', '0b2']:
    try:
        int(bad, 0 if bad.startswith('0') else 10)
        print('parsed', repr(bad))
    except ValueError:
        print('ValueError', repr(bad))
for base in [1, 37, -1]:
    try:
        int('10', base)
    except ValueError:
        print('ValueError base', base)
