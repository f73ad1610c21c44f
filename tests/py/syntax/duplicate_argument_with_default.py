# Syntax error: duplicate parameter name with a default.
def f(a, b, a=1): pass
