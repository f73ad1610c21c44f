# __format__: format(), str.format and f-strings pass the spec through; default object formatting.
class Money:
    def __init__(self, v):
        self.v = v
    def __format__(self, spec):
        if spec == 'short':
            return '$%d' % self.v
        return '$' + format(self.v, spec or '.2f')
    def __str__(self):
        return 'Money(%s)' % self.v
m = Money(1234.5)
print(format(m), format(m, 'short'), '{}'.format(m), '{:short}'.format(m), '{:,.1f}'.format(m))
print(f'{m}', f'{m:short}', f'{m!s}', f'{m:>12}')
class Plain:
    def __str__(self):
        return 'plain'
print(format(Plain()), '{}'.format(Plain()), f'{Plain()}', '{:>8}'.format('x'))
print(format(5, 'b'), format(3.14159, '.2f'), format('s', '^5'))
