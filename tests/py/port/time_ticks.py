# time.ticks_*: MicroPython's wrapping tick counters (emulated where the time module has none)
import time

try:
    from time import ticks_ms, ticks_us, ticks_cpu, ticks_add, ticks_diff, sleep_ms, sleep_us
    import sys
    PERIOD = (sys.maxsize + 1) // 2  # small-int range: 2**62 on 64-bit, 2**30 on 32-bit
except ImportError:
    import sys
    PERIOD = (sys.maxsize + 1) // 2
    _t0 = time.monotonic_ns()

    def ticks_ms():
        return (time.monotonic_ns() - _t0) // 1000000 % PERIOD

    def ticks_us():
        return (time.monotonic_ns() - _t0) // 1000 % PERIOD

    def ticks_cpu():
        return (time.monotonic_ns() - _t0) % PERIOD

    def ticks_add(t, d):
        if not -PERIOD // 2 < d < PERIOD // 2:
            raise OverflowError('ticks interval overflow')
        return (t + d) % PERIOD

    def ticks_diff(a, b):
        return ((a - b + PERIOD // 2) % PERIOD) - PERIOD // 2

    def sleep_ms(ms):
        if ms > 0:
            time.sleep(ms / 1000)

    def sleep_us(us):
        if us > 0:
            time.sleep(us / 1000000)

for f in (ticks_ms, ticks_us, ticks_cpu):
    t = f()
    print(type(t).__name__, 0 <= t < PERIOD)

t0 = ticks_ms()
u0 = ticks_us()
sleep_ms(30)
sleep_us(10000)
sleep_ms(-5)
sleep_us(0)
d = ticks_diff(ticks_ms(), t0)
print(40 <= d < 5000, ticks_diff(ticks_us(), u0) >= 40000)

# Wrap-around arithmetic.
print(ticks_add(5, 10), ticks_add(5, -10) == PERIOD - 5)
print(ticks_diff(ticks_add(PERIOD - 3, 10), PERIOD - 3))
print(ticks_diff(3, PERIOD - 4), ticks_diff(PERIOD - 4, 3))
print(ticks_diff(100, 30), ticks_diff(30, 100))
half = PERIOD // 2
print(ticks_diff(ticks_add(0, half - 1), 0) == half - 1)
print(ticks_diff(ticks_add(0, -(half - 1)), 0) == -(half - 1))
for d in (half, -half):
    try:
        ticks_add(0, d)
        print('no exception')
    except OverflowError:
        print('OverflowError')
