# f-strings: expressions, nested quotes, format specs, nested fields, conversions, = debugging, braces.
name, n, pi = 'Ann', 42, 3.14159
items = [1, 2, 3]
d = {'k': 'v'}
print(f'{name} has {n} items', f'{n + 1}', f'{n * 2:>8}|', f'{pi:.2f}', f'{name!r}', f'{name!s:>6}')
print(f'{items[0]} {items[-1]} {d["k"]} {len(items)}', f"{'nested'}", f'{"dq"}')
print(f'{{braces}} {{{n}}}', f'{n:{4}}|', f'{pi:.{2}f}', f'{n:{"^"}{7}}|')
w, p = 10, 3
print(f'{pi:{w}.{p}f}|', f'{name:*^{w}}')
print(f'{[x * 2 for x in items]}', f'{n if n > 40 else 0}', f'{n:#x}', f'{n:b}')
print(f'a' f'b' 'c' f'{n}', f'''{n}
next line''')
def f():
    return 'called'
class C:
    attr = 'A'
print(f'{f()} {C.attr} {C().attr.lower()} {3 + 4j} {None} {True}')
print(f'{n:,}', f'{12345678:_}', f'{0.5:%}', f'{-n:+}', f'{n:+}')
