# machine.Pin: modes, pulls, value/on/off/high/low/toggle/__call__, identity, errors,
# Blinka's OS_AGNOSTIC pin behaviours, interrupts through micropython.schedule, Signal.
from machine import Pin, Signal

p = Pin(20, Pin.OUT)
print(p, p.mode(), p.pull())
p.on(); print(p.value())
p.off(); print(p.value())
p.high(); print(p())
p.low(); print(p())
p(1); print(p.value())
p.value(0); print(p.value())
p.toggle(); print(p.value())
p.toggle(); print(p.value())
print(Pin(20) is p, Pin('D20') is p, Pin('GPIO20') is p)
q = Pin('D21', Pin.IN, Pin.PULL_UP)
print(q, q.value(), q.pull() == Pin.PULL_UP)
q.init(pull=Pin.PULL_DOWN)
print(q, q.value())
q.pull(None)
print(q, q.pull())
q.mode(Pin.OPEN_DRAIN)
print(q)
print(Pin.IN, Pin.OUT, Pin.OPEN_DRAIN, Pin.PULL_UP, Pin.PULL_DOWN, Pin.IRQ_FALLING, Pin.IRQ_RISING)

# Blinka's OS_AGNOSTIC pins.
print(Pin('Dx_INPUT_TRUE', Pin.IN).value(), Pin('Dx_INPUT_FALSE', Pin.IN).value())
t = Pin('Dx_INPUT_TOGGLE', Pin.IN)
print([t.value() for i in range(4)])
o = Pin('Dx_OUTPUT', Pin.OUT, value=0)
print(o.value())

# D6 is wired to D7: an edge on D6 interrupts D7; the handler gets the pin.
events = []
src = Pin('D6', Pin.OUT, value=0)
dst = Pin('D7', Pin.IN)
dst.irq(lambda pin: events.append((pin, pin.value())), Pin.IRQ_RISING | Pin.IRQ_FALLING)
src.on()
for i in range(2):
    pass
src.off()
for i in range(2):
    pass
print(events)
dst.irq(handler=None)
src.on()
for i in range(2):
    pass
print(len(events))

# Signal: a pin with optional inversion.
s = Signal(Pin(20, Pin.OUT), invert=True)
s.on(); print(s.value(), p.value())
s.off(); print(s.value(), p.value())
s2 = Signal(21, Pin.OUT)
s2.value(1); print(s2.value(), Pin(21).value())

for bad in (99, -1, 'NOPE'):
    try:
        Pin(bad)
    except ValueError as e:
        print('ValueError:', e)
try:
    Pin(20, mode=9)
except ValueError as e:
    print('ValueError:', e)
try:
    dst.irq(5)
except ValueError as e:
    print('ValueError:', e)
