# Syntax error: a closing parenthesis without an opener.
x = 1)
