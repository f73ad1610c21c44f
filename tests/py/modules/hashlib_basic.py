# hashlib: sha256, sha1, md5 against known vectors; update, digest, hexdigest, copy
import hashlib

vectors = [b'', b'abc', b'The quick brown fox jumps over the lazy dog',
           b'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq', b'a' * 1000]
for name in ['sha256', 'sha1', 'md5']:
    ctor = getattr(hashlib, name)
    for v in vectors:
        print(name, len(v), ctor(v).hexdigest())
    h = ctor()
    for i in range(200):
        h.update(bytes([i]) * i)
    print(name, 'stream', h.hexdigest())
    h = ctor(b'ab')
    d1 = h.digest()
    h.update(b'c')
    print(name, d1 == ctor(b'ab').digest(), h.digest() == ctor(b'abc').digest())
    c = h.copy()
    c.update(b'd')
    print(name, h.hexdigest() == ctor(b'abc').hexdigest(), c.hexdigest() == ctor(b'abcd').hexdigest())
    print(name, h.digest_size, h.block_size, h.name, len(h.digest()))
print(hashlib.sha256(bytearray(b'abc')).hexdigest() == hashlib.sha256(b'abc').hexdigest())
print(hashlib.sha256(memoryview(b'xabc')[1:]).hexdigest() == hashlib.sha256(b'abc').hexdigest())
print(hashlib.new('sha256', b'abc').hexdigest() == hashlib.sha256(b'abc').hexdigest())
print(hashlib.new('md5').hexdigest())

def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__)
check(lambda: hashlib.sha256('abc'))
check(lambda: hashlib.sha256().update(5))
check(lambda: hashlib.new('nope'))
