# str.replace with counts, empty old string, overlapping and non-ASCII text.
s = 'one two one two one'
print(s.replace('one', '1'), s.replace('one', '1', 2), s.replace('one', '1', 0), s.replace('one', '1', -1))
print(s.replace('x', 'y'), s.replace(' ', ''), 'aaa'.replace('aa', 'b'), 'abc'.replace('', '-'))
print('abc'.replace('', '-', 2), ''.replace('', 'x'), ''.replace('a', 'b'), 'a'.replace('a', ''))
print('héllo'.replace('é', 'e'), '€€'.replace('€', 'EUR'), 'x😀y'.replace('😀', ':)'))
print('ab'.replace('ab', 'abab').replace('ab', 'x'))
print(s.replace(old='one', new='1') if False else s.replace('two', '2', 1))
