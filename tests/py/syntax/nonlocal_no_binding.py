# Syntax error: nonlocal with no enclosing binding.
def f():
    nonlocal x
