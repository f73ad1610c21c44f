# Syntax error: comprehension target is a literal.
[x for 1 in y]
