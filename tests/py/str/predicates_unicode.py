# is* predicates on non-ASCII characters: digits of other scripts, numerics, printability, identifiers.
chars = ['٣', '۵', '߂', '३', '௫', '๗', '²', '¹', '①', '⑴', '½', 'Ⅻ', '〇', '二', '𝟙', '\u0345', 'ǅ',
         'ª', 'ʰ', '\u00a0', '\u2007', '\u3000', '\x1c', '\x85', '\u200b', '\u00ad', '\ufeff',
         '\ue000', '\U0001f600', '\u2028', 'é', '中', '_', '·', '\u0300', 'ℕ', '℘', '℮', '゛']
for c in chars:
    print(ascii(c), c.isalpha(), c.isalnum(), c.isdecimal(), c.isdigit(), c.isnumeric(), c.isspace(),
          c.isprintable(), c.isidentifier(), ('a' + c).isidentifier(), c.isupper(), c.islower(),
          c.istitle(), c.isascii())
print('٣٤'.isdecimal(), int('٣٤'), float('٣.٥'), '²'.isdecimal(), 'x²'.isalnum())
print('ǅungla'.istitle(), 'ǅUngla'.istitle(), 'Hello World'.istitle(), 'Hello world'.istitle(),
      'HELLO'.isupper(), 'ǅ'.isupper(), 'ǅ'.islower(), '123'.isupper(), 'A1'.isupper())
print(''.isprintable(), ''.isascii(), ''.isidentifier(), 'a b'.isidentifier(), 'café'.isidentifier(),
      '1a'.isidentifier(), '_1'.isidentifier(), 'a\u0300'.isidentifier(), '\u0300a'.isidentifier())
