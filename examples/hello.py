print("Hello from pyrite!")
print([x * x for x in range(10)])
