# str.encode / bytes.decode with utf-8, ascii and latin-1 and the error handlers; hex() and fromhex().
for s in ['abc', 'é€😀', 'naïve', '\x00\x7f\x80\xff']:
    for enc in ['utf-8', 'UTF8', 'ascii', 'latin-1', 'iso-8859-1']:
        for err in ['strict', 'ignore', 'replace', 'backslashreplace', 'xmlcharrefreplace']:
            try:
                b = s.encode(enc, err)
                print(enc, err, b)
            except UnicodeError:
                print(enc, err, 'UnicodeError')
for b in [b'abc', b'a\xffb', b'a\xf0\x9f\x98b', b'\xc3\xa9\xc3', b'\xed\xa0\x80x', b'\xe9t\xe9', b'\x80\x80']:
    for enc in ['utf-8', 'ascii', 'latin1']:
        for err in ['strict', 'ignore', 'replace', 'backslashreplace']:
            try:
                print(enc, err, ascii(b.decode(enc, err)))
            except UnicodeError:
                print(enc, err, 'UnicodeError')
print(b'x'.decode(encoding='ascii', errors='strict'), 'x'.encode(errors='ignore'), str(b'\xe9', 'latin-1'))
print(bytes('é', 'latin-1'), bytes('é', 'ascii', 'ignore'), bytearray('é', 'utf-8'), str(b'\xff', 'utf-8', 'replace'))
print(str(memoryview(b'abc'), 'utf-8'), str(bytearray(b'xy'), encoding='ascii'), len('😀'.encode('utf-8')))
print(b'\x01\x02\x03\x04\x05'.hex(), b'\x01\x02\x03\x04\x05'.hex(':'), b'\x01\x02\x03\x04\x05'.hex(':', 2))
print(b'\x01\x02\x03\x04\x05'.hex(':', -2), b'\x01\x02\x03\x04\x05'.hex(b'-', 3), bytearray(b'\xab').hex(), b''.hex(' '))
print(bytes.fromhex(' 61 62\n63 '), bytearray.fromhex('6162'), bytes.fromhex(''), bytes.fromhex('ABcd'))
for f in [lambda: b'\xff'.decode('ascii', 'bogus'), lambda: b'x'.decode('ascii', 'bogus'), lambda: b'x'.decode('nope'),
          lambda: 'x'.encode('nope'), lambda: bytes.fromhex('6 1'), lambda: bytes.fromhex('6'), lambda: bytes.fromhex(b'61'),
          lambda: b'\x01\x02'.hex('::'), lambda: bytes(b'a', 'utf-8'), lambda: bytes(3, 'utf-8'), lambda: str('abc', 'utf-8'),
          lambda: str(5, 'utf-8'), lambda: 'x'.encode(5)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__)
