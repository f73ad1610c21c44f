# Syntax error: augmented assignment to an expression.
x + 1 += 1
