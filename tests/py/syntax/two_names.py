# Syntax error: two names with no operator.
a b
