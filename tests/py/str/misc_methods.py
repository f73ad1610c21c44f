# Remaining str methods: format_map, index/count on unicode, __len__, __contains__, __getitem__, __mul__.
print('{a}-{b}'.format_map({'a': 1, 'b': 2}))
class Default(dict):
    def __missing__(self, key):
        return '<' + key + '>'
print('{x} {y}'.format_map(Default(x='X')))
s = 'abc'
print(s.__len__(), s.__contains__('b'), s.__getitem__(1), s.__add__('d'), s.__mul__(2))
print(s.__eq__('abc'), s.__lt__('abd'), s.__hash__() == hash('abc'))
print(str.upper('x'), str.join('-', ['a', 'b']), str.split('a b'))
print(sorted(m for m in ['upper', 'lower', 'split', 'join', 'strip', 'find', 'replace', 'format'] if hasattr(str, m)))
