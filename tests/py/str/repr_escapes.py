# repr() of strings: quote choice, escapes of control characters, backslashes, printable non-ASCII.
for s in ['', 'a', "'", '"', '\'"', '\\', '\n\r\t', '\x00\x01\x1f\x7f', '\x80\x9f', '\xa0', 'é', '€',
          '\u2028', '\ud7ff', '😀', '\U000e0000', 'mixed\'s "q"\n']:
    print(repr(s), ascii(s))
print([repr(c) for c in 'a\tb'])
