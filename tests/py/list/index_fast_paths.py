l = [10, 20, 30]
t = (1, 2, 3)
print(l[0], l[-1], l[-3], t[2], t[-2])
for bad in (3, -4):
    try:
        l[bad]
    except IndexError:
        print("IndexError list", bad > 0)
    try:
        t[bad]
    except IndexError:
        print("IndexError tuple", bad > 0)
print(l[True], t[False])
l[0] = 5
l[-1] = 7
print(l)
try:
    l[3] = 1
except IndexError:
    print("IndexError store")
class L(list):
    def __getitem__(self, i):
        return "L" + str(i)
    def __setitem__(self, i, v):
        print("set", i, v)
m = L([1, 2])
print(m[0])
m[1] = 9
del l[0]
print(l)
a = [[1, 2], [3, 4]]
a[1][0] += 10
print(a)
