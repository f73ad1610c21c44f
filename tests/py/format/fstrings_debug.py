# Self-documenting f-string expressions with `=`: text of the expression, spacing, conversion and spec.
n, pi, name = 42, 3.14159, 'Ann'
items = [1, 2, 3]
print(f'{n=}', f'{n = }', f'{pi=:.1f}', f'{name=}', f'{name=!s}', f'{items[1]=}', f'{n + 1=}')
