# An uncaught exception with several arguments prints the args tuple.
raise ValueError('a', 'b', 3)
