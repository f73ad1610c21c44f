# str.strip / lstrip / rstrip with default whitespace and explicit character sets.
s = ' \t\n hello world \r\n\x0b\x0c '
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print('xxhixx'.strip('x'), 'xyhiyx'.strip('xy'), 'abcba'.lstrip('ab'), 'abcba'.rstrip('ab'))
print(repr(''.strip()), repr('   '.strip()), repr('x'.strip('x')), 'aaa'.strip('b'))
print('hello'.strip(''), '  a  '.strip(None), '..a..'.lstrip('.'), 'www.example.com'.strip('cmowz.'))
print(repr('\u3000x\u3000'.strip()), repr('\xa0x\xa0'.strip()))
print('0012300'.strip('0'), '0012300'.lstrip('0'), '0012300'.rstrip('0'))
