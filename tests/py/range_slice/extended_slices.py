# Extended slicing on str, bytes, bytearray, tuple, list, range with all step signs.
seqs = ['abcdefgh', b'abcdefgh', bytearray(b'abcdefgh'), tuple(range(8)), list(range(8)), range(8)]
for sq in seqs:
    print(type(sq).__name__, sq[::2], sq[1::3], sq[::-1], sq[-2::-2], sq[6:1:-2], sq[1:6:10], sq[5:2])
