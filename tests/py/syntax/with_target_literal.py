# Syntax error: with ... as target is a literal.
with x as 1: pass
