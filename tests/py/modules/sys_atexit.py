# sys.atexit (micropython flavour): the function runs when the program ends
import sys

def bye():
    print('bye', counter[0])
counter = [0]
try:
    print(sys.atexit(bye))
    print(sys.atexit(bye) is bye)
except AttributeError:
    print('no sys.atexit')
counter[0] = 5
print('end of program')
