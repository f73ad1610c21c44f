# The message of the RuntimeError raised for too-deep recursion (RecursionError in CPython).
def r(n):
    return r(n + 1)
try:
    r(0)
except RuntimeError as e:
    print(type(e).__name__ + ':', e)
