# Syntax error: assignment to None.
None = 1
