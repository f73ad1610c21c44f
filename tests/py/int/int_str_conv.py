# int to string conversions: str, repr, hex, oct, bin, for small, big and negative values.
for n in [0, 1, -1, 10, 255, -255, 2 ** 32, -(2 ** 32), 2 ** 100, -(3 ** 60)]:
    print(str(n), repr(n), hex(n), oct(n), bin(n))
print(hex(0xdeadbeef), oct(0o755), bin(0b1011))
print(str(10 ** 30), len(str(2 ** 1000)), str(-(10 ** 30)))
print(int(str(7 ** 77)) == 7 ** 77, int(hex(7 ** 77), 16) == 7 ** 77)
print(int(oct(-(5 ** 40)), 8) == -(5 ** 40), int(bin(12345), 2))
