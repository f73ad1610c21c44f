# Syntax error: decimal literal 08.
x = 08
