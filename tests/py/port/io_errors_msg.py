# The messages of file errors: OSError prints its errno name (micropython) or text
# (circuitpython); closed files raise ValueError
import io

def check(f):
    try:
        f()
        print('no exception')
    except Exception as e:
        print(type(e).__name__ + ':', e)

check(lambda: open('no_such_file.txt'))
check(lambda: open('no_such_dir/x.txt', 'w'))
s = io.StringIO()
s.close()
check(lambda: s.read())
f = open('.tmp_io_errors_msg', 'w')
f.close()
check(lambda: f.readline())
import os
os.remove('.tmp_io_errors_msg')
open('no_such_file.txt')
