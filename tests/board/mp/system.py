# machine's system functions, Timer (callbacks through micropython.schedule), WDT and RTC;
# and the circuitpython modules are absent.
import machine
from machine import Timer, WDT, RTC

print(machine.unique_id(), machine.freq())
machine.freq(200000000)
print(machine.freq())
try:
    machine.freq(1)
except ValueError as e:
    print('ValueError:', e)
print(machine.reset_cause() == machine.PWRON_RESET)
print(machine.PWRON_RESET, machine.HARD_RESET, machine.WDT_RESET, machine.DEEPSLEEP_RESET, machine.SOFT_RESET)
machine.idle()
print(machine.disable_irq(), machine.enable_irq(0))

fired = []
t = Timer(-1, mode=Timer.ONE_SHOT, period=5, callback=lambda tm: fired.append(tm is t))
while not fired:
    machine.idle()
print(fired)
ticks = []
p = Timer(period=2, mode=Timer.PERIODIC, callback=lambda tm: ticks.append(1))
while len(ticks) < 3:
    machine.idle()
p.deinit()
print(len(ticks) >= 3, Timer.ONE_SHOT, Timer.PERIODIC)
try:
    Timer(2)
except ValueError as e:
    print('ValueError:', e)

wdt = WDT(timeout=2000)
wdt.feed()
try:
    WDT(timeout=0)
except ValueError as e:
    print('ValueError:', e)

rtc = RTC()
print(rtc.datetime()[:3])
rtc.datetime((2024, 2, 29, 3, 23, 59, 30, 0))
print(rtc.datetime()[:6])

for name in ('board', 'digitalio', 'busio', 'microcontroller', 'supervisor'):
    try:
        __import__(name)
    except ImportError as e:
        print('ImportError:', e)
try:
    machine.soft_reset()
except SystemExit:
    print('SystemExit')
