# str.encode and bytes.decode round trips for ASCII, Latin-1 range and astral characters.
for s in ['abc', 'é', '€', '😀', 'aé€😀', '', '\x00\x7f']:
    b = s.encode()
    print(s, b, len(s), len(b), b.decode() == s, s.encode('utf-8') == b)
print('abc'.encode('ascii'), b'abc'.decode('ascii'), 'x'.encode(encoding='utf-8'))
print(bytes('hé', 'utf-8'), str('hé'.encode(), 'utf-8'))
