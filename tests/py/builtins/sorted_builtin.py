# sorted(): returns a new list from any iterable, key and reverse keyword arguments, stability, original untouched.
data = (5, 2, 8, 1)
r = sorted(data)
print(r, data, type(r).__name__)
print(sorted('Hello'), sorted('Hello', key=str.lower), sorted({'b': 1, 'a': 2}.items(), key=lambda kv: kv[1]))
recs = [('x', 2), ('y', 1), ('z', 2), ('w', 1)]
print(sorted(recs, key=lambda r: r[1]), sorted(recs, key=lambda r: r[1], reverse=True))
print(sorted([3, 1, 2], reverse=True), sorted(range(5), key=lambda v: -v), sorted(iter([2, 1])))
print(sorted([[3, 'c'], [1, 'a'], [2, 'b']])[0], sorted(['bb', 'a', 'ccc'], key=len))
print(sorted([0.5, -1, 2 ** 65, True]))
