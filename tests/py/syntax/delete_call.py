# Syntax error: del of a function call.
del f()
