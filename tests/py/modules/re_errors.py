# re errors: bad patterns (MicroPython's ValueError), bad group references
import re

def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ':', e)

for p in ['(', 'a)', '*a', '[a', '+', 'a**', '(?<x>a)', '\\', 'a{3,2}', '(?Px)']:
    check(lambda: re.compile(p))
m = re.match('(a)', 'a')
check(lambda: m.group(5))
check(lambda: m.group('nope'))
check(lambda: m.start(3))
check(lambda: re.sub('(a)', r'\2', 'a'))
print(re.match('(?:|a)*b', 'aab').group())
