x = 'a' if 1 else 'b'
y = not not x
z = -(-(-1))
