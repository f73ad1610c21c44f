# Syntax error: f-string with an unknown conversion character.
f'{x!z}'
