# Syntax error: if statement without a colon.
if x
    pass
