# Syntax error: 'continue' outside a loop.
x = 1
continue
