# Syntax error: augmented assignment to a list display.
[a, b] += 1
