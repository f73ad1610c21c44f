# bytes methods: find/index/count, split/join, strip, replace, startswith, upper/lower, is*, hex/fromhex, decode.
b = b'  Hello, World  '
print(b.strip(), b.lstrip(), b.rstrip(), b.strip(b' Hd'), b.lower(), b.upper(), b.split(), b.split(b','))
print(b.find(b'o'), b.rfind(b'o'), b.index(b'W'), b.count(b'l'), b.find(b'zz'), b.find(111))
print(b.replace(b'l', b'L'), b.replace(b'l', b'', 2), b'-'.join([b'a', b'b', b'c']), b''.join([b'x', bytearray(b'y')]))
print(b'abc'.startswith(b'ab'), b'abc'.endswith((b'x', b'bc')), b'a,b,,c'.split(b',', 1), b'a b c'.rsplit(None, 1))
print(b'abc'.isalpha(), b'123'.isdigit(), b'  '.isspace(), b'ABC'.isupper(), b'abc'.islower(), b'a1'.isalnum())
print(b'\x01\xab\xff'.hex(), bytes.fromhex('01abff'), bytes.fromhex('01 ab ff'), b''.hex())
print(b'caf\xc3\xa9'.decode(), b'abc'.decode('ascii'), b'x'.decode('utf-8'))
print(b'key=val'.partition(b'='), b'a.b.c'.rpartition(b'.'), b'abc'.center(7, b'*'), b'ab'.ljust(4, b'.'), b'ab'.rjust(4))
print(b'hello world'.title(), b'Hello'.swapcase(), b'hello'.capitalize(), b'42'.zfill(5))
print(b'a\tb'.expandtabs(4), b'line1\nline2\r\n'.splitlines(), b'xxaxx'.strip(b'x'))
