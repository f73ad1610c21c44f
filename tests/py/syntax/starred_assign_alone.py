# Syntax error: starred assignment target not in a tuple or list.
*x = 1
