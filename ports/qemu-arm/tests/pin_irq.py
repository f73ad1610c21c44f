# machine.Pin on the emulated board: pins are latches wired to nothing; an edge interrupt fires
# when a pin's own level changes, and the handler runs at the next safepoint.
from machine import Pin

led = Pin("LED", Pin.OUT, value=0)
print(led, led.value())
led.on()
print(led.value())
seen = []
led.irq(lambda p: seen.append(p.value()), Pin.IRQ_RISING | Pin.IRQ_FALLING)
for v in (1, 0, 1, 1, 0):
    led.value(v)
    for _ in range(3):  # loop back-edges: safepoints
        pass
print("edges:", seen)
led.irq(None)
led.toggle()
print("after irq(None):", seen)
button = Pin("BUTTON", Pin.IN, Pin.PULL_UP)
print("pulled up:", button.value())
presses = []
button.irq(lambda p: presses.append(p.value()), Pin.IRQ_FALLING)
button.init(pull=Pin.PULL_DOWN)
for _ in range(3):
    pass
print("falling on pull down:", presses)
