# Syntax error: def with a broken parameter list.
def f(:
    pass
