# String comparison is by code point: case, digits, unicode, prefixes; sorting mixed-case and unicode words.
words = ['banana', 'Apple', 'apple', 'éclair', 'Zebra', 'zebra', '10', '9', '', 'a', 'ä', '😀', 'ab']
print('|'.join(sorted(words)))
print('|'.join(sorted(words, key=str.lower)[:5]))
print('a' < 'b', 'B' < 'a', 'abc' < 'abd', 'ab' < 'abc', '' < 'a', '9' > '10', 'é' > 'z', '😀' > 'é')
print(max(words), min(words), max(words, key=len), 'apple' == 'apple', 'a' != 'A')
