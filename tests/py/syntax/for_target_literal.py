# Syntax error: for loop target is a literal.
for 1 in x: pass
