# The frozen program of the minimal port: it runs from the bytecode in the binary.
import greet
from shapes import Square, area_sum

print(greet.hello("minimal port"))
print("squares:", [Square(n).area() for n in range(1, 6)])
print("area sum:", area_sum([Square(2), Square(3)]))
try:
    greet.fail()
except ValueError as e:
    print("caught:", e)
import gc
gc.collect()
print("big int:", 2 ** 100)
print("float:", 1 / 3)
