# Iterating lists: for, enumerate, zip, modification visibility during iteration, iter/next.
l = ['a', 'b', 'c']
for i, x in enumerate(l):
    print(i, x)
for x, y in zip(l, range(10)):
    print(x, y)
it = iter(l)
print(next(it), next(it), next(it), next(it, 'done'))
grow = [1, 2, 3]
out = []
for x in grow:
    out.append(x)
    if x < 3:
        grow.append(x + 10)
print(out)
shrink = [1, 2, 3, 4, 5]
seen = []
for x in shrink:
    seen.append(x)
    if x == 2:
        shrink.remove(x)
print(seen, shrink)
rev = [1, 2, 3]
ri = reversed(rev)
rev[0] = 99
print(list(ri))
nested = [[1, 2], [3], []]
print([y for x in nested for y in x], sum(nested, []))
