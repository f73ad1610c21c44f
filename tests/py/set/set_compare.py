# Set comparisons and relations between set and frozenset, equality ignoring order, subset chains.
a, b, c = {1, 2}, {1, 2, 3}, frozenset({1, 2})
print(a == c, a < b, c < b, b > c, a <= c, a >= c, a != b, a == [1, 2], {1} == {True})
print(a.issubset(b), b.issuperset(c), c.issubset(a), set().issubset(a), a.isdisjoint(set()))
print(sorted(x for x in b if x not in a), {x for x in b} == b, len(b - a - c))
print(set('abc') == set('cab'), frozenset('ab') == frozenset('ba'), {frozenset(): 1}[frozenset()])
