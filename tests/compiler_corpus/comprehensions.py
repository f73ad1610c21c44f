a = [x for x in y]
b = [x * 2 for x in y if x]
c = [x + z for x in y for z in w]
d = {x: x * 2 for x in y}
e = {x for x in y}
f = (x for x in y)
g = [x for x in y if x if z]
h = [(x, z) for x in y if x for z in x if z]
i = sum(x for x in y)
j = [[x for x in z] for z in w]
def k(n):
    return [x + n for x in range(n)]
def l():
    return {k: v for k, v in items()}
m = [x for x in (1, 2, 3)]
n = [lambda: x for x in y]
