# An uncaught TypeError raised inside a builtin called from a function: only Python frames are listed.
def total(items):
    return sum(items)
print(total([1, 2]))
print(total([1, 'x']))
