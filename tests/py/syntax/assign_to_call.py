# Syntax error: assignment to a function call.
f() = 1
