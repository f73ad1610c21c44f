# Syntax error: augmented assignment to a call.
def f(): pass
f() += 1
