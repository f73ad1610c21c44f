# Syntax error: unclosed parenthesis at end of file.
f(
