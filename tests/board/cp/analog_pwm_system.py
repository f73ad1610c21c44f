# analogio, pwmio, microcontroller, supervisor and board; machine is absent.
import board
import analogio
import pwmio
import microcontroller
import supervisor

print(board.board_id, board.LED, board.LED is board.D13, board.SCK is board.D13)
print(sorted(n for n in dir(board) if n.startswith('D') and len(n) <= 3))
print(microcontroller.pin.GPIO13 is board.D13, microcontroller.pin.GPIO26)
try:
    microcontroller.Pin()
except TypeError as e:
    print('TypeError:', e)
cpu = microcontroller.cpu
print(cpu.frequency, cpu.uid, cpu.temperature, cpu.voltage, cpu.reset_reason)
print(microcontroller.RunMode.NORMAL, microcontroller.ResetReason.WATCHDOG)
microcontroller.on_next_reset(microcontroller.RunMode.NORMAL)
microcontroller.delay_us(10)
nvm = microcontroller.nvm
print(len(nvm), nvm[0], nvm[0:4])
nvm[0:4] = b'\x01\x02\x03\x04'
nvm[5] = 0x55
print(nvm[0:6], nvm[-11])
try:
    nvm[0:2] = b'\x00'
except ValueError as e:
    print('ValueError:', e)
try:
    nvm[99]
except IndexError as e:
    print('IndexError:', e)

a = analogio.AnalogIn(board.A0)
print(a.value, a.reference_voltage)
saw = analogio.AnalogIn(board.Ax_INPUT_WAVE_SAW)
print([saw.value for i in range(4)])
try:
    analogio.AnalogIn(board.D20)
except ValueError as e:
    print('ValueError:', e)
try:
    analogio.AnalogIn(board.A0)
except ValueError as e:
    print('ValueError:', e)
a.deinit()
try:
    a.value
except ValueError as e:
    print('ValueError:', e)

pwm = pwmio.PWMOut(board.LED, duty_cycle=2 ** 15, frequency=1000)
print(pwm.duty_cycle, pwm.frequency)
pwm.duty_cycle = 65535
print(pwm.duty_cycle)
try:
    pwm.duty_cycle = 70000
except ValueError as e:
    print('ValueError:', e)
try:
    pwm.frequency = 2000
except AttributeError as e:
    print('AttributeError:', e)
var = pwmio.PWMOut(board.D14, variable_frequency=True)
var.frequency = 440
print(var.frequency, var.duty_cycle)
try:
    pwmio.PWMOut(board.D20)
except ValueError as e:
    print('ValueError:', e)
pwm.deinit()
try:
    pwm.duty_cycle
except ValueError as e:
    print('ValueError:', e)

t = supervisor.ticks_ms()
print(0x1fff0000 <= t < 1 << 29)
print(supervisor.runtime.autoreload, supervisor.runtime.serial_connected)
supervisor.runtime.autoreload = False
print(supervisor.runtime.autoreload)
try:
    supervisor.reload()
except BaseException as e:
    print(type(e).__name__)
for name in ('machine',):
    try:
        __import__(name)
    except ImportError as e:
        print('ImportError:', e)
