# str.startswith / endswith with tuples and start/end bounds; removeprefix/removesuffix.
s = 'hello.py'
print(s.startswith('he'), s.startswith('py'), s.endswith('.py'), s.endswith('.txt'))
print(s.startswith(('x', 'h')), s.endswith(('.c', '.py')), s.startswith(()), s.startswith(''))
print(s.startswith('llo', 2), s.startswith('llo', 3), s.endswith('hello', 0, 5), s.endswith('py', -2))
print(s.startswith('o', 4, 5), s.endswith('', 3, 3), ''.startswith(''), ''.endswith('a'))
print(s.removeprefix('hello'), s.removeprefix('x'), s.removesuffix('.py'), s.removesuffix('py.'))
print('aaa'.removeprefix('a'), ''.removesuffix(''))
