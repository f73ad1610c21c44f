# Syntax error: assignment to a named expression.
(x := 1) = 2
