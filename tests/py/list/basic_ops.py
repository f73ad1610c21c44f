# list basics: literals, indexing, len, concatenation, repetition, membership, equality, nesting.
l = [1, 'two', 3.0, None, [5]]
print(l, len(l), l[0], l[-1], l[-1][0], l[1:3])
print([] == [], [1, 2] == [1, 2], [1, 2] != [2, 1], [1] + [2, 3], [0] * 3, 2 * [1, 2], [1] * 0)
print(3.0 in l, 3 in l, 'two' in l, [5] in l, 'x' not in l)
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], [2] > [1, 9], [] < [0], [[1]] < [[2]])
print(list(), list('abc'), list(range(3)), list((1, 2)), list({'a': 1, 'b': 2}), list(x * 2 for x in [1, 2]))
m = [[0] * 3 for _ in range(2)]
m[0][1] = 5
print(m)
l2 = l
l2[0] = 'changed'
print(l[0], l is l2)
print(list(reversed([1, 2, 3])), [1, 2, 3][::-1])
e = []
e.append(e)
print(len(e), e[0] is e)
print(repr([1, [2, [3, []]]]), str(['a', "b'c"]))
