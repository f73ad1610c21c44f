# Syntax error: function body not indented.
def f():
return 1
