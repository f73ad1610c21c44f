# chr and ord over ASCII, Latin-1, BMP and astral code points, round trips, errors.
for cp in [0, 9, 10, 65, 97, 127, 128, 233, 255, 256, 8364, 55295, 57344, 65535, 65536, 128512, 1114111]:
    c = chr(cp)
    print(cp, len(c), ord(c) == cp, len(c.encode()))
print(ord('A'), ord('é'), ord('€'), ord('😀'), chr(72) + chr(105))
print([ord(c) for c in 'héllo'], ''.join(chr(c) for c in [80, 121]))
for bad in [-1, 1114112]:
    try:
        chr(bad)
    except ValueError:
        print('ValueError', bad)
for bad in ['', 'ab']:
    try:
        ord(bad)
    except TypeError:
        print('TypeError', repr(bad))
