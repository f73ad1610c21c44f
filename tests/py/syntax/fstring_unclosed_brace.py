# Syntax error: f-string with an unclosed brace.
f'{'
