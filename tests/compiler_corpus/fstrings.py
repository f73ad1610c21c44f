a = 1
b = 'x'
print(f'{a}')
print(f'{a} and {b}')
print(f'{a!r}')
print(f'{b!s:>10}')
print(f'{a:{b}}')
print(f'{a=}')
print(f'{{literal}} {a}')
print(f'no args')
print(f'{a + 1}' 'plain' f'{b}')
print(f'{[1, 2][0]}')
print(f'{a != 2}')
print(f"{'nested'}")
