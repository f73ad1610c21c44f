print('hello')
print(1, 2, 3)
print('a', end='')
print(*[1, 2], sep=', ')
x = input
len([1, 2])
