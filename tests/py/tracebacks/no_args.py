# An uncaught exception without arguments prints the class name followed by ': '.
print('before')
raise ValueError
