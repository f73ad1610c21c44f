# Syntax error: a keyword used as a variable name.
class = 1
