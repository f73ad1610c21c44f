# Case methods: upper, lower, capitalize, title, swapcase, casefold, on ASCII and non-ASCII.
for s in ['hello World', 'ÉCOLE été', 'ß straße', 'ǅungla', "they're bill's friends", '123abc', '', 'a1b2 c3d']:
    print('|'.join([s.upper(), s.lower(), s.capitalize(), s.title(), s.swapcase(), s.casefold()]))
print('MiXeD'.lower().upper(), 'x'.upper() == 'X')
