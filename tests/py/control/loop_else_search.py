# for/else and while/else used for searching, with nested loops and flags.
def find(matrix, target):
    for r, row in enumerate(matrix):
        for c, v in enumerate(row):
            if v == target:
                break
        else:
            continue
        return r, c
    else:
        return None
m = [[1, 2], [3, 4], [5, 6]]
print(find(m, 4), find(m, 7), find([], 1))
def is_prime(n):
    if n < 2:
        return False
    d = 2
    while d * d <= n:
        if n % d == 0:
            break
        d += 1
    else:
        return True
    return False
print([n for n in range(30) if is_prime(n)])
