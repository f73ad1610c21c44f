# ** unpacking inside dict displays: order, later keys win, mixing with explicit keys.
a = {'x': 1, 'y': 2}
b = {'y': 20, 'z': 30}
print({**a}, {**a, **b}, {**b, **a}, {'w': 0, **a, 'x': 100}, {**a, 'y': None, **{}})
print({**{}}, {**dict(k=1), **{1: 'int key'}})
c = {**a}
c['x'] = 'changed'
print(a, c)
