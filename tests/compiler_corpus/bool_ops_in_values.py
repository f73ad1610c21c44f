a = x and y
b = x or y
c = x and y or z
d = x or y and z
e = not x and y
f = (x or y) and (z or w)
g = x and y and z and w
