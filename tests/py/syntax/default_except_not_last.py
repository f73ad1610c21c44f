# Syntax error: bare except before a typed except.
try:
    pass
except:
    pass
except ValueError:
    pass
