# machine.Timer on the emulated board: SysTick queues the timer's token on the interpreter's
# signal from its interrupt handler; the callback runs between bytecodes.
import time
from machine import Timer

ticks = []
t = Timer(-1)
t.init(period=5, mode=Timer.PERIODIC, callback=lambda tm: ticks.append(1))
once = []
Timer(-1, mode=Timer.ONE_SHOT, period=12, callback=lambda tm: once.append(tm))
start = time.ticks_ms()
while len(ticks) < 4 and time.ticks_diff(time.ticks_ms(), start) < 2000:
    time.sleep_ms(1)
t.deinit()
n = len(ticks)
time.sleep_ms(30)
print("periodic ran:", n >= 4, "stopped:", len(ticks) == n)
print("one-shot ran once:", len(once) == 1)
