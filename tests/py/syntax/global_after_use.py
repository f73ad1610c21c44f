# Syntax error: name used before its global declaration.
def f():
    x
    global x
