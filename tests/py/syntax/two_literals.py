# Syntax error: two literals with no operator.
x = 1 2
