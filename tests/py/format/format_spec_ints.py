# Format-spec mini-language for ints: fill/align/sign/#/0/width/grouping/types b c d o x X n and %.
def fmt(v, spec):
    return ('{:' + spec + '}').format(v)
n = 1234567
for spec in ['', 'd', '10', '<10', '>10', '^10', '*^11', '+', '-', ' ', ',', '_', '010', '+010', '=+10', 'b', '#b',
             'o', '#o', 'x', '#x', 'X', '#X', '_x', ',d', '#010x', '0=10', 'e', '.2f', '%', '.1%', 'g']:
    print(repr(spec), fmt(n, spec), fmt(-n, spec))
print(fmt(65, 'c'), fmt(0x1F600, 'c'), fmt(0, 'b'), fmt(-1, '#b'), fmt(255, '08b'))
print(fmt(True, 'd'), fmt(True, ''), fmt(2 ** 80, ','), fmt(-(2 ** 70), '_x'))
print('{:n}'.format(1234), '{:>+6}'.format(42), '{:<06}'.format(7), '{:^+7}'.format(3))
