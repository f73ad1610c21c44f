# List slicing reads: all step/sign combinations, copies, out-of-range bounds, slice objects.
l = list(range(10))
print(l[2:7], l[:3], l[7:], l[-3:], l[:-7], l[::2], l[1::3], l[::-1], l[::-3], l[7:2:-2])
print(l[100:], l[-100:3], l[3:-100], l[5:5], l[8:3], l[::100], l[-1:-11:-1], l[0:10:4])
cp = l[:]
cp.append(10)
print(len(l), len(cp), cp is not l)
s = slice(1, 8, 2)
print(l[s], s.start, s.stop, s.step, l[slice(3)], l[slice(None, None, -1)] == l[::-1])
print(slice(1, 5, 2).indices(3), slice(None, None, -1).indices(5), slice(-3, None).indices(10))
print([[1, 2], [3, 4]][1][:1], 'nested'[1:][::2])
