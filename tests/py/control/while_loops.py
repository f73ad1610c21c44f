# while loops: conditions, break/continue, while/else, nested loops with flags.
n = 0
while n < 5:
    n += 1
    if n == 2:
        continue
    print('n', n)
else:
    print('while else', n)
m = 10
while True:
    m -= 3
    if m < 0:
        break
print('m', m)
k = 0
while k < 3:
    k += 1
    if k == 10:
        break
else:
    print('else ran, k =', k)
i = 0
while i < 10:
    if i == 4:
        break
    i += 1
else:
    print('not printed')
print('i', i)
found = None
a = 0
while a < 5 and found is None:
    b = 0
    while b < 5:
        if a * b == 6:
            found = (a, b)
            break
        b += 1
    a += 1
print(found)
x = 100
while x > 1:
    x //= 2
print(x)
