# Syntax error: implicit concatenation of str and bytes literals.
u = 'x' 'y' b'z'
