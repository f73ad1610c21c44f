# Format-spec mini-language for floats: f F e E g G % and none, precision, grouping, signs, alignment, inf/nan.
def fmt(v, spec):
    return ('{:' + spec + '}').format(v)
vals = [0.0, -0.0, 1.0, 3.14159265, -2.5, 1234567.891, 1e-5, 1.5e16, 0.000123, float('inf'), float('nan')]
for v in vals:
    print(fmt(v, ''), fmt(v, '.2f'), fmt(v, 'e'), fmt(v, '.3E'), fmt(v, 'g'), fmt(v, '.3G'), fmt(v, '%'), fmt(v, '10.3f'), fmt(v, '<10.1f') + '|', fmt(v, '+.1e'))
print(fmt(1234567.891, ',.2f'), fmt(1234567.891, '_.1f'), fmt(1234567.891, ','), fmt(-1234.5, '=+12,.1f'))
print(fmt(2.5, '.0f'), fmt(3.5, '.0f'), fmt(0.125, '.2f'), fmt(1e100, '.3g'), fmt(123.456, '.1F'))
print(fmt(1.0, '#.0f'), fmt(1.0, '#g'), fmt(0.5, '.0%'), fmt(12.0, 'g'), fmt(1e-4, 'g'), fmt(1e-5, 'G'))
print(fmt(float('-inf'), 'F'), fmt(float('nan'), 'E'), fmt(-0.0, '+g'), fmt(7.0, '08.2f'), fmt(-7.0, '08.2f'))
print('{:.3}'.format(3.14159), '{:.1}'.format(0.05), '{:10}'.format(2.5) + '|', '{:*^12.4f}'.format(2.71828))
