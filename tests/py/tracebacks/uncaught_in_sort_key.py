# Uncaught exception inside a key function called by sorted(): only Python frames are shown.
def key(item):
    return item['rank']
items = [{'rank': 2}, {'rank': 1}, {'name': 'x'}]
print(sorted(items[:2], key=key))
print(sorted(items, key=key))
