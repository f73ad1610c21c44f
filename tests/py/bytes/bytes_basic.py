# bytes: literals, indexing gives ints, slicing gives bytes, concatenation, repetition, comparison, repr.
b = b'hello\x00\xff'
print(b, len(b), b[0], b[-1], b[1:3], b[::-1], b[::2], type(b[0]).__name__, type(b[0:1]).__name__)
print(b'ab' + b'cd', b'ab' * 3, 2 * b'x', b'' * 5, b'abc' == b'abc', b'abc' < b'abd', b'a' < b'ab')
print(b'ell' in b, 101 in b, 300 in b if False else 'skip', b'z' not in b, list(b'AB'), [c for c in b'xy'])
print(bytes(), bytes(3), bytes([65, 66, 67]), bytes(range(5)), bytes(b'copy'), bytes('text', 'utf-8'), bytes(bytearray(b'ba')))
print(repr(b'\t\n\r\\\'"'), repr(b"'"), repr(b'"\''), repr(bytes(range(0x7e, 0x82))))
print(b'a' == 'a', b'a' != 'a', hash(b'abc') == hash(b'abc'), {b'k': 1}[b'k'])
print(b'\x41\x42', b'\101', bytes([0, 127, 128, 255]))
try:
    b[0] = 1
except TypeError:
    print('TypeError immutable')
try:
    bytes([256])
except ValueError:
    print('ValueError range')
try:
    b[100]
except IndexError:
    print('IndexError')
