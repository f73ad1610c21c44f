# Case mappings beyond ASCII: final sigma, title case of digraphs and ligatures, casefold, dotted I.
words = ['ΟΔΥΣΣΕΥΣ', 'ΣΑΣ.', 'aΣ', 'Σ', 'AΣ\u0301', "Σ'Σ", 'ﬁne ﬂow', 'ﬀ', 'straße', 'İstanbul',
         'ǆemal ǅ Ǆ', 'ŉ', 'ᾳ ᾼ', 'x\u0345', 'ǰ', 'µ', 'ﬅ', 'Ꭰꭰ', 'ſ', "o'neil's 3rd", 'ÀÉÎÕÜ', 'ɐɑɒ']
for w in words:
    print(w, '|', w.upper(), '|', w.lower(), '|', w.title(), '|', w.capitalize(), '|',
          w.swapcase(), '|', w.casefold(), '|', len(w.upper()), len(w.casefold()))
print('ß'.upper(), 'ß'.casefold() == 'SS'.casefold(), 'Straße'.casefold() == 'STRASSE'.casefold())
print('ΌΣΟΣ'.lower(), 'ΌΣΟΣ ΌΣΟΣ'.lower(), 'Α.Σ'.lower(), 'ΑΣ1'.lower(), 'ΑΣ Α'.lower())
print('hello world'.title(), 'HELLO'.title(), '1st 2nd'.title(), 'a-b_c d.e'.title())
print('x'.capitalize(), 'ﬁx'.capitalize(), ''.capitalize(), '  a'.capitalize(), 'AB'.capitalize())
print([c.upper() for c in 'ﬃﬄ'], 'ǲ'.upper(), 'ǲ'.lower(), 'ǲ'.title(), 'ǲ'.swapcase())
