# re.finditer: match objects of the non-overlapping matches, empty matches, groups, bytes
import re
print([m.group() for m in re.finditer(r'\d+', 'a1b22c333')])
print([m.span() for m in re.finditer('', 'ab')])
print([m.groups() for m in re.compile(r'(\w)(\d)?').finditer('a1 b c3')])
it = re.finditer('x', 'axbx')
print(next(it).start(), next(it).start())
try:
    next(it)
except StopIteration:
    print('done')
print(list(re.finditer('z', 'abc')))
print([m.group() for m in re.finditer(b'a.', b'a1a2')])
