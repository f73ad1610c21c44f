# json errors: bad JSON (MicroPython's ValueError), values that cannot be serialised
import json

def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ':', e)

for s in ['x', '', '{"a": }', '[1, 2', '[1] x', '"\\x"', '01', '[1,]', '{"a" 1}', '{1: 2}',
          '"abc', '1.5e', '-', 'tru', '"a\tb"', '[', '{"a": 1,}', '.5', '1.']:
    check(lambda: json.loads(s))
