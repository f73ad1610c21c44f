# The frozen program of the qemu-arm port: runs from the bytecode in flash at reset.
import gc
import time

import greet
from shapes import Square, area_sum

print(greet.hello("a Cortex-M3"))
print("squares:", [Square(n).area() for n in range(1, 6)])
print("area sum:", area_sum([Square(2), Square(3)]))
try:
    greet.fail()
except ValueError as e:
    print("caught:", e)
print("big int:", 2 ** 100)
print("float:", 1 / 3)

# The clock: SysTick.
if hasattr(time, "ticks_ms"):
    t0 = time.ticks_ms()
    time.sleep_ms(20)
    dt = time.ticks_diff(time.ticks_ms(), t0)
else:  # circuitpython
    t0 = time.monotonic_ns()
    time.sleep(0.02)
    dt = (time.monotonic_ns() - t0) // 1000000
print("slept 20 ms:", 15 <= dt < 1000)

# A pin wired to nothing still works: an output reads back what it drives.
try:
    from machine import Pin

    led = Pin("LED", Pin.OUT)
    led.on()
    high = led.value()
    led.off()
    print("pin:", high, led.value())
except ImportError:
    import board
    import digitalio

    led = digitalio.DigitalInOut(board.LED)
    led.direction = digitalio.Direction.OUTPUT
    led.value = True
    high = led.value
    led.value = False
    print("pin:", int(high), int(led.value))
gc.collect()
print("done")
