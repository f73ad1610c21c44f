# Syntax error: 'return' at module level.
print('not printed')
return 1
