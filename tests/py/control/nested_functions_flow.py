# Control flow across functions: early returns from nested loops, generators feeding loops, recursion with loops.
def first_dup(items):
    seen = set()
    for x in items:
        if x in seen:
            return x
        seen.add(x)
    return None
print(first_dup([3, 1, 4, 1, 5]), first_dup('abc'))
def primes(limit):
    for n in range(2, limit):
        for d in range(2, int(n ** 0.5) + 1):
            if n % d == 0:
                break
        else:
            yield n
print(list(primes(50)))
def perms(s):
    if len(s) <= 1:
        return [s]
    out = []
    for i, c in enumerate(s):
        for p in perms(s[:i] + s[i + 1:]):
            out.append(c + p)
    return out
print(perms('abc'))
