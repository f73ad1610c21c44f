# Syntax error: try with neither except nor finally.
try:
    pass
