# Format-spec mini-language for strings: fill, alignment, width, precision (truncation), unicode fill.
def fmt(v, spec):
    return ('{:' + spec + '}').format(v)
s = 'text'
for spec in ['', 's', '10', '<10', '>10', '^10', '-^10', '.2', '10.2', '>10.3', '*<8', '€^9', '^3']:
    print('spec', spec, '[' + fmt(s, spec) + ']')
print('[{:^7}]'.format('odd'), '[{:^8}]'.format('odd'), '[{:>0}]'.format(''), '[{:5}]'.format('é'))
print(fmt('abc', '.0'), '[' + fmt('', '3') + ']', fmt('x', '0>3'))
