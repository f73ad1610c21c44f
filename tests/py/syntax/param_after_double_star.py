# Syntax error: parameter after **kwargs.
def f(**a, b): pass
