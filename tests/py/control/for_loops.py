# for loops over sequences, iterators, dicts, strings; loop variable after the loop; for/else.
for c in 'abc':
    print(c, end=' ')
print()
for k, v in {'x': 1, 'y': 2}.items():
    print(k, v)
for i in range(3):
    pass
print('after loop i =', i)
for x in []:
    print('never')
else:
    print('else on empty')
for x in range(5):
    if x == 3:
        print('break at', x)
        break
else:
    print('no else after break')
for x in range(2):
    pass
else:
    print('else after normal end')
total = 0
for a, (b, c) in [(1, (2, 3)), (4, (5, 6))]:
    total += a * b * c
print(total)
for i in range(3):
    for j in range(3):
        if j == 1:
            break
        print(i, j)
for i in range(10, 0, -3):
    print(i, end=',')
print()
l = [1, 2, 3]
for l[0] in range(5, 7):
    pass
print(l)
class O:
    pass
o = O()
for o.attr in 'xy':
    pass
print(o.attr)
