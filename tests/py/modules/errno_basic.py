# errno: the constants MicroPython's unix port has, and errorcode
import errno

names = ['EACCES', 'EADDRINUSE', 'EAGAIN', 'EALREADY', 'EBADF', 'ECONNABORTED', 'ECONNREFUSED',
         'ECONNRESET', 'EEXIST', 'EHOSTUNREACH', 'EINPROGRESS', 'EINVAL', 'EIO', 'EISDIR', 'ENOBUFS',
         'ENODEV', 'ENOENT', 'ENOMEM', 'ENOTCONN', 'EOPNOTSUPP', 'EPERM', 'ETIMEDOUT']
for n in names:
    v = getattr(errno, n)
    # errorcode[95] is an alias name in CPython ('ENOTSUP').
    print(n, v, errno.errorcode[v] if v != 95 else n)
print(errno.errorcode[errno.ENOENT], errno.ENOENT == 2)
try:
    raise OSError(errno.EEXIST, 'x')
except OSError as e:
    print(e.args[0] == errno.EEXIST)
