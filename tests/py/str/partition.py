# str.partition / rpartition, splitlines (keepends), expandtabs.
print('a=b=c'.partition('='), 'a=b=c'.rpartition('='), 'abc'.partition('='), 'abc'.rpartition('='))
print('key: value'.partition(': '), ''.partition('x'), 'xx'.partition('x'), 'xx'.rpartition('x'))
text = 'one\ntwo\r\nthree\rfour\n\nsix'
print(text.splitlines(), text.splitlines(True), text.splitlines(keepends=True))
print(''.splitlines(), '\n'.splitlines(), 'no newline'.splitlines(), 'a\n'.splitlines(True))
print('x\x0by\x0cz\x1cw\x1dv\x1eu\x85t\u2028s\u2029r'.splitlines())
print(repr('a\tb\tc'.expandtabs()), repr('a\tb'.expandtabs(4)), repr('abcde\tf'.expandtabs(4)))
print(repr('\t'.expandtabs(0)), repr('a\nb\tc'.expandtabs(2)))
try:
    'a'.partition('')
except ValueError:
    print('ValueError empty separator')
