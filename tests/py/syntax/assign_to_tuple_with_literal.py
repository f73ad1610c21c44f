# Syntax error: tuple target containing a literal.
(a, 1) = 2
