# digitalio: DigitalInOut with Direction, Pull and DriveMode; the bool value property and
# its errors; pins in use; deinitialised objects; Blinka's OS_AGNOSTIC pin behaviours.
import board
import digitalio
from digitalio import DigitalInOut, Direction, Pull, DriveMode

print(Direction.INPUT, Direction.OUTPUT, Pull.UP, Pull.DOWN, DriveMode.PUSH_PULL, DriveMode.OPEN_DRAIN)
led = DigitalInOut(board.D20)
print(led.direction, led.pull, led.value)
led.direction = Direction.OUTPUT
print(led.direction, led.value, led.drive_mode)
led.value = True
print(led.value, type(led.value).__name__)
led.value = 0
print(led.value)
led.switch_to_output(value=True, drive_mode=DriveMode.OPEN_DRAIN)
print(led.value, led.drive_mode)
led.drive_mode = DriveMode.PUSH_PULL
print(led.drive_mode)
try:
    led.pull
except AttributeError as e:
    print('AttributeError:', e)
try:
    led.pull = Pull.UP
except AttributeError as e:
    print('AttributeError:', e)
led.switch_to_input(pull=Pull.UP)
print(led.direction, led.pull, led.value)
led.pull = Pull.DOWN
print(led.pull, led.value)
led.pull = None
print(led.pull)
for f in (lambda: setattr(led, 'value', True), lambda: led.drive_mode,
          lambda: setattr(led, 'drive_mode', DriveMode.PUSH_PULL)):
    try:
        f()
    except AttributeError as e:
        print('AttributeError:', e)
for f in (lambda: led.switch_to_input(pull=1), lambda: led.switch_to_output(drive_mode='x'),
          lambda: setattr(led, 'direction', 'out')):
    try:
        f()
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ':', e)
try:
    DigitalInOut(board.D20)
except ValueError as e:
    print('ValueError:', e)
try:
    DigitalInOut(20)
except TypeError as e:
    print('TypeError:', e)
led.deinit()
led.deinit()
for f in (lambda: led.value, lambda: led.switch_to_output(), lambda: led.direction):
    try:
        f()
    except ValueError as e:
        print('ValueError:', e)
again = DigitalInOut(board.D20)
print(again.direction)
again.deinit()
with DigitalInOut(board.D21) as d:
    d.switch_to_output(True)
    print(d.value)
print(DigitalInOut(board.D21).value)

print(DigitalInOut(board.Dx_INPUT_TRUE).value, DigitalInOut(board.Dx_INPUT_FALSE).value)
t = DigitalInOut(board.Dx_INPUT_TOGGLE)
print([t.value for i in range(4)])
o = DigitalInOut(board.Dx_OUTPUT)
o.switch_to_output(False)
print(o.value)
# D6 drives D7 (wired).
a = DigitalInOut(board.D6)
b = DigitalInOut(board.D7)
a.switch_to_output(True)
print(b.value)
a.value = False
print(b.value)
