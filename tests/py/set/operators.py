# Set algebra: | & - ^ and their method forms with iterables, in-place forms, comparisons.
a, b = {1, 2, 3, 4}, {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(b - a), sorted(a ^ b))
print(sorted(a.union(b, [9])), sorted(a.intersection([1, 3], (3, 1))), sorted(a.difference([1], {2})))
print(sorted(a.symmetric_difference([4, 6])))
print(a <= a, a < a, {1, 2} < a, a > {1}, a >= {9}, {1} <= {1}, set() < a)
print(a.issubset([1, 2, 3, 4, 5]), a.issuperset((1, 2)), a.isdisjoint({7, 8}), a.isdisjoint(b))
c = set(a)
c |= {10}; print(sorted(c))
c &= {1, 2, 10, 11}; print(sorted(c))
c -= {1}; print(sorted(c))
c ^= {2, 3}; print(sorted(c))
d = set(a)
d.update([7], (8,)); print(sorted(d))
d.intersection_update(range(5)); print(sorted(d))
d.difference_update([1]); print(sorted(d))
d.symmetric_difference_update({4, 9}); print(sorted(d))
print(sorted(set('abc') | set('cde')), sorted(frozenset('ab') & set('bc')))
try:
    a | [1]
except TypeError:
    print('TypeError')
