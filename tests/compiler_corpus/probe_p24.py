assert not x
assert x or y, 'm'
