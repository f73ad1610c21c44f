# os: urandom, getenv, sep, uname
import os

b = os.urandom(16)
print(type(b).__name__, len(b), len(os.urandom(0)))
print(len(set(os.urandom(8) for i in range(10))) > 1)
print(type(os.getenv('PATH')).__name__)
print(os.getenv('PYRITE_SURELY_UNSET_VARIABLE'))
print(os.getenv('PYRITE_SURELY_UNSET_VARIABLE', 'dflt'))
print(os.sep)
u = os.uname()
print(len(u), u[0] == u.sysname, u[4] == u.machine)
print(all(isinstance(x, str) for x in u))
print(type(u.release).__name__, type(u.version).__name__, type(u.nodename).__name__)

def check(f):
    try:
        f()
        print('no exception')
    except Exception as e:
        print(type(e).__name__)

check(lambda: os.urandom(-1))
check(lambda: os.urandom('x'))
check(lambda: os.getenv(1))
