# Ints (small, big, negative) as dict keys and set members, equal floats/bools collapsing, hashing consistency.
d = {}
for k in [0, 1, -1, 2 ** 31, 2 ** 62, 2 ** 63, 2 ** 64, 2 ** 100, -(2 ** 100)]:
    d[k] = str(k)[:5]
print(len(d), d[2 ** 100], d[-(2 ** 100)], d.get(2 ** 64), 2 ** 63 in d)
d[1.0] = 'float one'
d[True] = 'true'
print(d[1], len(d))
s = {2 ** 70, 2 ** 70, float(2 ** 70), 2 ** 70 + 1}
print(len(s), sorted(s)[-1] - 2 ** 70)
print(hash(2 ** 61 - 1) == hash(2 ** 61 - 1), hash(-2) == hash(-2), hash(10 ** 20) == hash(float(10 ** 20)))
