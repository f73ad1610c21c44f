# machine.PWM and machine.ADC: frequencies, duty cycles in u16 and ns, analog readings.
from machine import PWM, ADC, Pin

pwm = PWM(Pin('LED'), freq=1000, duty_u16=32768)
print(pwm)
print(pwm.freq(), pwm.duty_u16(), pwm.duty_ns())
pwm.duty_ns(250000)
print(pwm.duty_u16(), pwm.duty_ns())
pwm.freq(2000)
print(pwm.freq())
pwm.duty_u16(70000)
print(pwm.duty_u16())
pwm.init(freq=500, duty_u16=0)
print(pwm)
pwm.deinit()
inv = PWM(Pin(14), freq=100, duty_u16=1000, invert=True)
print(inv.duty_u16())
for bad in (lambda: PWM(Pin(20)), lambda: pwm.freq(0), lambda: pwm.freq(100000000)):
    try:
        bad()
    except ValueError as e:
        print('ValueError:', e)

pi = ADC(Pin('A0'))
print(pi, pi.read_u16(), pi.read_uv())
saw = ADC('Ax_INPUT_WAVE_SAW')
print([saw.read_u16() for i in range(5)])
sine = ADC(28)
print([sine.read_u16() for i in range(6)])
try:
    ADC(Pin(20))
except ValueError as e:
    print('ValueError:', e)
