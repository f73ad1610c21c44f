# open() and file errors: missing files, bad modes, closed files, wrong directions
import os

D = '.tmp_io_errors'
try:
    os.remove(D + '/f')
except OSError:
    pass
try:
    os.rmdir(D)
except OSError:
    pass
os.mkdir(D)
p = D + '/f'
with open(p, 'w') as f:
    f.write('data')

def check(f):
    try:
        f()
        print('no exception')
    except OSError as e:
        print('OSError:', e.errno)
    except Exception as e:
        print(type(e).__name__)

def show(f):
    try:
        f()
        print('no exception')
    except OSError as e:
        print('OSError:', e.args[0], str(e).startswith('[Errno %d]' % e.args[0]))

show(lambda: open('no_such_file.txt'))
show(lambda: open(D + '/nodir/x', 'w'))
show(lambda: open(p, 'x'))
show(lambda: open(D))

for mode in ['rw', 'z', '', 'rr', 'bt', 'r++', 'wa', 'b', 1]:
    check(lambda: open(p, mode))
check(lambda: open(p, 'rb', encoding='utf-8'))
check(lambda: open())
check(lambda: open(None))
check(lambda: open(''))

f = open(p)
f.close()
check(lambda: f.read())
check(lambda: f.readline())
check(lambda: f.write('x'))
check(lambda: f.seek(0))
check(lambda: f.tell())
check(lambda: list(f))
print(f.close(), f.closed)

with open(p, 'w') as f:
    check(lambda: f.write(b'bytes to text'))
    check(lambda: f.write(5))
with open(p, 'wb') as f:
    check(lambda: f.write('text to bytes'))
    check(lambda: f.write(None))
with open(p) as f:
    check(lambda: f.read('x'))
os.remove(p)
os.rmdir(D)
