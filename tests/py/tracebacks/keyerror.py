# An uncaught KeyError prints the key without quotes in MicroPython.
d = {'a': 1}
print(d['a'])
print(d['b'])
