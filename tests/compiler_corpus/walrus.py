if (n := len(a)) > 10:
    print(n)
while (line := read()):
    print(line)
def f():
    if (y := g()):
        return y
print(z := 5)
a = [y := 1, y ** 2]
def h(data):
    return [w for x in data if (w := x * 2)]
