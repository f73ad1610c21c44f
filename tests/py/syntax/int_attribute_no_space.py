# Syntax error: attribute access directly on an int literal.
1.__class__
