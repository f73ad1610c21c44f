# Syntax error: *args after **kwargs in a call.
f(**a, *b)
