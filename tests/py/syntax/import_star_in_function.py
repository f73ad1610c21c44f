# Syntax error: `from m import *` inside a function.
def f():
    from math import *
