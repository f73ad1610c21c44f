# time: the clocks (time, time_ns, monotonic, monotonic_ns) and sleep
import time

t0 = time.time()
print(type(time.time_ns()).__name__ if hasattr(time, 'time_ns') else 'int')
print(t0 > 1.7e9)
m0 = time.monotonic()
n0 = time.monotonic_ns()
print(type(m0).__name__, type(n0).__name__)
time.sleep(0.02)
time.sleep(0)
time.sleep(1 / 100)
m1 = time.monotonic()
n1 = time.monotonic_ns()
print(m1 - m0 >= 0.029, n1 - n0 >= 29000000, m1 - m0 < 30)
print(time.time() >= t0)
print(abs(time.monotonic_ns() / 1e9 - time.monotonic()) < 0.5)

def check(f):
    try:
        f()
        print('no exception')
    except Exception as e:
        print(type(e).__name__)

check(lambda: time.sleep(-1))
check(lambda: time.sleep('1'))
check(lambda: time.sleep(None))
check(lambda: time.monotonic(1))
