# Syntax error: unterminated triple-quoted string.
'''abc
