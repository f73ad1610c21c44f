# Syntax error: tuple left open across lines.
x = (1,

