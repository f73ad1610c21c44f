if x:
    a = 1
if x:
    a = 1
else:
    a = 2
if x:
    a = 1
elif y:
    a = 2
elif z:
    a = 3
else:
    a = 4
if x and y:
    pass
if x or y:
    pass
if not x:
    pass
if x and (y or z):
    pass
if 1:
    a = 1
if 0:
    a = 2
else:
    a = 3
if True:
    pass
elif x:
    pass
if x:
    pass
elif 0:
    pass
elif 1:
    b = 1
else:
    c = 2
