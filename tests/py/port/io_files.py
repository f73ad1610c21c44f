# open(): text and binary files through the port; modes r, w, a, x, +, b; read, readline,
# readlines, write, seek, tell, flush, close, iteration, with, print(file=)
import os

D = '.tmp_io_files'

def clean():
    try:
        for n in os.listdir(D):
            os.remove(D + '/' + n)
        os.rmdir(D)
    except OSError:
        pass

clean()
os.mkdir(D)
p = D + '/t.txt'

f = open(p, 'w')
print(type(f).__name__, f.closed)
print(f.write('first line\n'), f.write('sécond\n'), f.write('third'))
print(f.tell())
f.flush()
f.close()
f.close()
print(f.closed)

with open(p) as f:
    print(repr(f.read()))
with open(p, 'r') as f:
    print(repr(f.readline()), repr(f.read(3)), repr(f.readline()), repr(f.readline()), repr(f.readline()))
with open(p, 'rt') as f:
    print(f.readlines())
with open(p) as f:
    print([l.rstrip() for l in f])
with open(p) as f:
    print(repr(f.read(8)), f.tell(), f.seek(0), repr(f.readline(5)), repr(f.readline(100)))
    f.seek(0)
    print(repr(f.read(0)), repr(f.read(-1)))

with open(p, 'a') as f:
    f.write('\nappended')
    print('printed', 1, 2, file=f)
with open(p) as f:
    print(f.read().split('\n'))

with open(p, 'rb') as f:
    data = f.read()
    print(type(data).__name__, len(data), data[:12])
    print(f.seek(0), f.read(5), f.tell(), f.seek(-9, 2), f.read(), f.read())
    f.seek(6)
    print(f.readline(), f.seek(2, 1), f.readline())

with open(p, 'wb') as f:
    print(f.write(b'\x00\x01\x02'), f.write(bytearray(b'abc')), f.write(memoryview(b'\xff\n')))
with open(p, 'rb') as f:
    print(f.read(), list(open(p, 'rb')))

with open(p, 'w') as f:
    f.write('0123456789')
with open(p, 'r+') as f:
    f.seek(3)
    f.write('XYZ')
    f.seek(0)
    print(repr(f.read()))
with open(p, 'w+') as f:
    f.write('fresh')
    f.seek(0)
    print(repr(f.read()))
with open(p, 'a+') as f:
    f.write('!')
    f.seek(0)
    print(repr(f.read()))
with open(p, mode='rb+') as f:
    f.write(b'F')
with open(p, 'rb') as f:
    print(f.read())

q = D + '/new.txt'
with open(q, 'x') as f:
    f.write('exclusive')
print(open(q).read(), os.stat(q)[6])
big = 'abcdefghij' * 300
with open(q, 'w') as f:
    f.write(big)
with open(q) as f:
    print(f.read() == big)
with open(q, encoding='utf-8') as f:
    print(len(f.read(1000)), len(f.read()))
print(sorted(os.listdir(D)))

g = open(q)
print(g.read(3))
del g
clean()
print(os.path.exists(D) if hasattr(os, 'path') else False)
