# Converting between bytes, str, lists of ints; iterating; bytes in sets/dicts; bytes(int) zero-fill.
s = 'héllo'
b = s.encode('utf-8')
print(b, list(b), b.decode('utf-8') == s, len(s), len(b))
print(bytes(list(b)) == b, bytearray(b) == b, tuple(b'ab'), set(b'aab') == {97, 98})
print(bytes(4), bytearray(2), bytes([]), bytes(b'') == b'')
print(str(b'abc', 'ascii'), str(bytearray(b'xyz'), 'utf-8'))
d = {b'a': 1, bytes([98]): 2}
print(d[b'a'], d[b'b'], b'a' in {b'a'})
print([bytes([c]) for c in b'abc'], b'abc'[1], b'abc'[1:2])
print(bytes(x for x in range(65, 70)), bytearray(x * 2 for x in range(4)))
