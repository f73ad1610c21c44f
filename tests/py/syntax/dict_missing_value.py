# Syntax error: dict display entry without a value.
d = {1: 2, 3}
