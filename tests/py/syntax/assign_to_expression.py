# Syntax error: assignment to an arithmetic expression.
x + 1 = 2
