# Syntax error: two starred targets in one assignment.
a, *b, *c = 1, 2
