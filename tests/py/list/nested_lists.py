# Nested lists: matrices, deep copies by comprehension, identity vs equality of sublists, index/count of lists.
m = [[1, 2, 3], [4, 5, 6]]
t = [list(col) for col in zip(*m)]
print(t, [row[:] for row in m] == m, [row[:] for row in m][0] is m[0])
m[0][0] = 99
print(m, t)
grid = [[0] * 3 for _ in range(3)]
for i in range(3):
    grid[i][i] = 1
print(grid, sum(map(sum, grid)))
ll = [[1], [2], [1]]
print(ll.index([1]), ll.count([1]), [2] in ll, ll.index([1], 1))
ll.remove([1])
print(ll, sorted([[2, 1], [1, 3], [1, 2]]), max([[1, 9], [2]]))
flat = [x for row in [[1, 2], [3], []] for x in row]
print(flat)
