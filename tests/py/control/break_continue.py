# break and continue in nested loops, inside try/finally, with else clauses.
out = []
for i in range(4):
    for j in range(4):
        if j > i:
            break
        if (i + j) % 2:
            continue
        out.append((i, j))
print(out)
for i in range(3):
    try:
        if i == 1:
            continue
        print('try', i)
    finally:
        print('finally', i)
for i in range(3):
    try:
        if i == 1:
            break
    finally:
        print('finally before break', i)
def loop_return():
    for i in range(5):
        try:
            if i == 2:
                return i
        finally:
            print('cleanup', i)
print(loop_return())
evens = []
n = 0
while n < 10:
    n += 1
    if n % 2:
        continue
    evens.append(n)
print(evens)
for i in range(3):
    for j in range(3):
        if j == 1:
            break
    else:
        print('inner completed')
        continue
    print('inner broke at i =', i)
