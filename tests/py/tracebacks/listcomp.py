# Uncaught exception inside a list comprehension: a <listcomp> frame.
data = [1, 2, 'three', 4]
print('summing')
doubled = [x + 1 for x in data]
