# Syntax error: conditional expression without else.
x = 1 if 2
