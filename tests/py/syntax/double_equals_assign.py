# Syntax error: `x = = 1` is invalid syntax.
x = = 1
