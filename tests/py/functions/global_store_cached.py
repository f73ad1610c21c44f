x = 0
def f():
    global x, y
    for i in range(5):
        x = x + i
    y = 7
    del y
    y = 8
    return x, y
print(f(), x, y)
g = globals()
g["x"] = 100
print(f())
del x
try:
    print(f())
except NameError:
    print("NameError")
