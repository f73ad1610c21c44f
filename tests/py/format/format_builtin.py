# The format() builtin: default spec is str(), numeric specs, user __format__, errors for bad specs.
print(format(12), format(12, ''), format('s'), format(1.5), format(None), format([1]), format((1, 2)))
print(format(12, 'x'), format(12, '>5'), format('ab', '^6'), format(0.25, '.1%'), format(1e6, ',.0f'))
class F:
    def __format__(self, spec):
        return 'F<' + spec + '>'
print(format(F()), format(F(), 'xyz'), '{:abc}'.format(F()), f'{F():q}')
try:
    format(1, 'q')
except ValueError:
    print('ValueError')
try:
    format('a', 'd')
except ValueError:
    print('ValueError')
