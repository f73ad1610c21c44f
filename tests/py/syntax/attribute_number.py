# Syntax error: attribute name that is a number.
a.1
