# Syntax error: nonlocal at module level.
nonlocal x
