r = range(1, 10)[2:5]
for x in reversed(range(3)): pass
