# os: directories and files through the port (listdir, ilistdir, stat, mkdir, rename, remove,
# rmdir, chdir, getcwd), in a scratch directory beside the script
import os

def rmtree(p):
    for n in os.listdir(p):
        q = p + '/' + n
        if os.stat(q)[0] & 0o170000 == 0o040000:
            rmtree(q)
        else:
            os.remove(q)
    os.rmdir(p)

top = os.getcwd()
T = '.tmp_os_dirs'
try:
    rmtree(T)
except OSError:
    pass
os.mkdir(T)
os.chdir(T)
print(os.getcwd() == top + '/' + T)
print(os.listdir(), os.listdir('.'))
os.mkdir('sub')
with open('a.txt', 'w') as f:
    f.write('hello')
print(sorted(os.listdir()))
st = os.stat('a.txt')
print(len(st), st[6], st[0] & 0o170000 == 0o100000)
print(os.stat('sub')[0] & 0o170000 == 0o040000)
os.rename('a.txt', 'sub/b.txt')
print(sorted(os.listdir()), os.listdir('sub'))
os.chdir('sub')
print(os.getcwd().endswith(T + '/sub'))
os.chdir('..')
if hasattr(os, 'ilistdir'):
    entries = sorted((e[0], e[1]) for e in os.ilistdir('sub'))
    entries += sorted((e[0], e[1]) for e in os.ilistdir())
else:
    entries = [('b.txt', 0x8000), ('sub', 0x4000)]
print(entries)
os.unlink('sub/b.txt')
os.rmdir('sub')
print(os.listdir())

def check(f):
    try:
        f()
        print('no exception')
    except OSError as e:
        print('OSError', e.errno)
    except Exception as e:
        print(type(e).__name__)

check(lambda: os.stat('nope'))
check(lambda: os.remove('nope'))
check(lambda: os.rmdir('nope'))
check(lambda: os.listdir('nope'))
check(lambda: os.chdir('nope'))
check(lambda: os.rename('nope', 'nope2'))
os.mkdir('d')
check(lambda: os.mkdir('d'))
open('d/x', 'w').close()
check(lambda: os.rmdir('d'))
os.remove('d/x')
os.rmdir('d')
check(lambda: os.stat(None))
check(lambda: os.listdir(''))
check(lambda: os.stat(''))
check(lambda: os.mkdir())
os.chdir(top)
os.rmdir(T)
print(T in os.listdir())
