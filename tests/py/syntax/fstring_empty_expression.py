# Syntax error: f-string with an empty expression.
f'{}'
