# float.hex and float.fromhex: exact round trips, rounding of long inputs, subnormals, signs, inf/nan, errors.
for x in [0.0, -0.0, 1.0, 0.1, -2.5, 1e300, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308, 3.14159]:
    h = x.hex()
    print(h, float.fromhex(h) == x)
for s in ['0x1.8p1', '  -0X1P-3 ', '0x.8', '0x1.', '1p3', '0x1p+3', 'inf', '-Infinity', 'nan', '0X1.FFFFFFFFFFFFFp1023',
          '0x1p-1074', '0x1p-1075', '0x1.0000000000001p-1075', '0x1.00000000000008p0', '0x1.00000000000018p0',
          '0x1.000000000000080001p0', '0x0.000001p-1040', '0x123456789abcdef123456789p0']:
    print(repr(float.fromhex(s)))
for bad in ['0x', 'x1', '0x1p', '0xg', '', '0x1p1024', '0x2p1023', '1.1.1']:
    try:
        print(float.fromhex(bad))
    except (ValueError, OverflowError) as e:
        print(type(e).__name__)
class F(float):
    pass
print(type(F.fromhex('0x1p1')).__name__, F.fromhex('0x1p1'))
