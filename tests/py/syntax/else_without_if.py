# Syntax error: 'else' with no matching statement.
else: pass
