# re: syntax MicroPython's re rejects (lookarounds, inline flags, bad (?...)) raises its ValueError
import re

def check(p):
    try:
        re.compile(p)
        print(repr(p), 'compiled')
    except Exception as e:
        print(repr(p), type(e).__name__ + ':', e)

for p in ['(?=a)b', '(?!a)b', '(?<=a)b', '(?<!a)b', '(?i)a', '(?#c)a', '(?P=n)', '(?P<>a)',
          'a\\', '[a\\', 'a)', '())', 'a||b', '(?:a)', '(?P<n>a)(?P=n)', 'x{2,1}', '[z-a]', '\\9']:
    check(p)
