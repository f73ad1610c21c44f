# Syntax error: 'yield' at module level.
yield 1
