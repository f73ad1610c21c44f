# Syntax error: while statement without a colon.
while True
    pass
