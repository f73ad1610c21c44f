# String literals: quotes, escapes, raw strings, triple quotes, implicit concatenation, unicode.
print('single', "double", '''triple''', """triple double""")
print('it\'s', "say \"hi\"", 'tab\tend', 'back\\slash')
print('nl\nline', 'cr\r'.replace('\r', 'CR'))
print('\x41\x42', '\101\102', '\u00e9', '\U0001F600', '\0' == chr(0))
print(len('\a\b\f\v\n\r\t'), [ord(c) for c in '\a\b\f\v'])
print(r'raw\n\t', r'raw\\', r'a\'b')
print('con' 'cat' "enated", 'a' \
      'b')
s = """line1
line2
  line3"""
print(s)
print(len(s), s.count('\n'))
print('''it's "quoted"''')
print('\
joined')
print(repr('\n'), repr('\t'), repr("'"), repr('"'), repr('\'"'))
print(repr('\x00\x1f\x7f'))
b = b'bytes\x00\xff'
print(b, len(b))
print(rb'\x00', br'\n')
print('unknown \q escape' == 'unknown \\q escape')
