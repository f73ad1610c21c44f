# Syntax error: assignment to True.
True = 1
