# Integer and bytes work in the style of a block cipher: S-box lookups, xors, rotations,
# bytearray state (not a real cipher).
SBOX = bytes(((i * 7 + 99) ^ (i >> 3) ^ ((i << 2) & 0xff)) & 0xff for i in range(256))


def rotl8(x, n):
    return ((x << n) | (x >> (8 - n))) & 0xff


def encrypt_block(block, key):
    state = bytearray(block)
    for rnd in range(10):
        for i in range(16):
            state[i] = SBOX[state[i] ^ key[(i + rnd) & 15]]
        state = state[1:] + state[:1]
        for c in range(4):
            a = state[4 * c:4 * c + 4]
            t = a[0] ^ a[1] ^ a[2] ^ a[3]
            for r in range(4):
                state[4 * c + r] = a[r] ^ t ^ rotl8(a[(r + 1) & 3], 1)
    return bytes(state)


def run(n):
    key = bytes(range(16))
    block = b'pyrite-benchmark'
    acc = 0
    for i in range(n):
        block = encrypt_block(block, key)
        acc = (acc * 31 + block[0] + block[15]) & 0xffffffff
    return acc, block.hex() if hasattr(block, 'hex') else ''


print("aes_like", run(4500))
