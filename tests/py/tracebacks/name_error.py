# Uncaught NameError at module level.
print('about to fail')
print(undefined_variable)
