# Syntax error: list left open at end of file.
x = [1, 2
