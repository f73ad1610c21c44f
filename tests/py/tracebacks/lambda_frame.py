# Uncaught exception inside a lambda: a <lambda> frame.
key = lambda item: item['name']
items = [{'name': 'a'}, {}]
print(key(items[0]))
names = sorted(items, key=key)
