# Syntax error: two *args parameters.
def f(*a, *b): pass
