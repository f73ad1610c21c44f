# time: gmtime/localtime/mktime calendar arithmetic (8 fields as MicroPython returns them)
import time

# circuitpython has no gmtime; its localtime has no time zone.
gmtime = getattr(time, 'gmtime', time.localtime)

for s in [0, 1, 59, 86399, 86400, 951782400, 951868800, 946684800, 1234567890,
          2147483647, 4102444800, -1, -86400, -2208988800]:
    print(s, tuple(gmtime(s)[:8]))

# mktime is the inverse of localtime (whatever the time zone).
for s in [0, 86400 * 365, 951782400, 1234567890, 1700000000]:
    print(int(time.mktime(tuple(time.localtime(s)))) == s)

# Out-of-range fields carry over: month 13 is January of the next year.
a = time.mktime((2020, 13, 1, 0, 0, 0, 0, 0, -1))
b = time.mktime((2021, 1, 1, 0, 0, 0, 0, 0, -1))
print(int(a) == int(b))
a = time.mktime((2021, 3, 0, 12, 0, 0, 0, 0, -1))
b = time.mktime((2021, 2, 28, 12, 0, 0, 0, 0, -1))
print(int(a) == int(b))

# Float seconds are truncated towards the past.
print(tuple(gmtime(1.9)[:6]), tuple(gmtime(-0.5)[:6]))

# The default is now.
now = gmtime()
print(len(now) >= 8, now[0] >= 2024)
print(tuple(gmtime(None)[:1]) >= (2024,))

def check(f):
    try:
        f()
        print('no exception')
    except Exception as e:
        print(type(e).__name__)

check(lambda: gmtime('x'))
check(lambda: time.mktime((1, 2, 3)))
check(lambda: time.mktime(5))
check(lambda: time.localtime([]))
