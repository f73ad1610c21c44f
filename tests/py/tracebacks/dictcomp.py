# Uncaught exception inside a dict comprehension.
pairs = [('a', 1), ('b', 0)]
inv = {k: 10 // v for k, v in pairs}
