# list.sort and sorted: stability, key, reverse (stable too), mixed numbers, strings, tuples.
data = [('b', 2), ('a', 2), ('c', 1), ('a', 1), ('b', 1), ('c', 2)]
print(sorted(data), sorted(data, key=lambda t: t[1]), sorted(data, key=lambda t: t[0], reverse=True))
print(sorted(data, key=lambda t: t[1], reverse=True))
words = ['banana', 'Apple', 'cherry', 'apple', 'Banana', 'fig', 'date']
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len), sorted(words, key=len, reverse=True))
nums = [3, -1, 2.5, 0, -7, 10 ** 20, 2, 3.0]
nums.sort()
print(nums)
nums.sort(reverse=True)
print(nums)
nums.sort(key=abs)
print(nums)
l = list(range(20))
l.sort(key=lambda x: x % 3)
print(l)
l.sort(key=lambda x: x % 4, reverse=True)
print(l)
print(sorted('hello world'), sorted((3, 1, 2)), sorted({3: 'c', 1: 'a'}), sorted({5, 1, 3}))
print(sorted([]), sorted([1]), sorted([[2, 1], [1, 2], [1]]))
print(sorted([True, False, 2, 0.5]), sorted(['b', 'a'], reverse=False))
r = [5, 3]
print(r.sort(), r)
class K:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        return self.v < other.v
print([k.v for k in sorted([K(3), K(1), K(2)])])
try:
    [1, 'a'].sort()
except TypeError:
    print('TypeError')
big = [(i * 7919) % 1000 for i in range(1000)]
s1 = sorted(big)
print(s1[:5], s1[-5:], all(s1[i] <= s1[i + 1] for i in range(999)))
