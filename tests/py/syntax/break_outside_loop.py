# Syntax error: 'break' outside a loop.
break
