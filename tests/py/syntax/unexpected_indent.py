# Syntax error: an indented line after a simple statement.
x = 1
    y = 2
