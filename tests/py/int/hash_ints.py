# hash() of ints around the modulus and of tuples of them (dict keys).
M = 2**61 - 1
for i in [0, 1, -1, -2, 2, 12345, -12345, M - 1, M, M + 1, -M + 1, -M, -M - 1, 2**62 - 1, -2**62, 2**61, -2**61, 2**63, -2**63, 10**30, -10**30]:
    print(i, hash(i), hash((i, 1)), hash((1, i, -1)))
d = {}
for i in range(-50, 50):
    d[(i, -i)] = i
print(sum(d[(i, -i)] for i in range(-50, 50)), len(d))
