# String prefixes in upper and mixed case: R, B, F, U, Rb, bR, Br, fR; u'' is plain str.
print(R'raw\n', r'raw\t')
print(B'bytes', b'x' == B'x')
x = 3
print(F'{x}', f'{x}')
print(U'unicode', u'plain', type(u'').__name__)
print(Rb'\x00', bR'\n', Br'\\', BR'\t', rB'\r')
print(fR'{x}\n', Rf'\t{x}', FR'{x}')
