# Syntax error: unterminated single-quoted string.
x = 'abc
