# Syntax error: a statement inside a lambda.
f = lambda: return 1
