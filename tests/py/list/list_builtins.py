# Builtins applied to lists: len, sum, min/max with key, any/all, sorted copies, reversed, enumerate, list().
l = [5, -3, 8, 0, 2]
print(len(l), sum(l), min(l), max(l), min(l, key=abs), max(l, key=lambda x: -x), any(l), all(l))
print(sorted(l), l, list(reversed(l)), l[::-1], [i for i, v in enumerate(l) if v > 0])
print(list(map(abs, l)), list(filter(None, l)), list(zip(l, l[1:])))
l2 = list(l)
l2.append(1)
print(l2 is not l, l2 == l + [1], l.copy() == l)
print([0] * 0, [[]] * 2, list(range(3)) * 2, [1, 2] + [] + [3])
