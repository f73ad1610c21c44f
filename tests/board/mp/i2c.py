# machine.I2C and SoftI2C: every method, register access, and the errors of absent devices.
from machine import I2C, SoftI2C, Pin

i2c = I2C(0)
print(i2c)
print([hex(a) for a in i2c.scan()])
print(i2c.readfrom_mem(0x77, 0xD0, 1))
buf = bytearray(4)
i2c.readfrom_mem_into(0x77, 0xB2, buf)
print(buf)
i2c.writeto_mem(0x77, 0xF4, b'\x2e')
print(i2c.readfrom_mem(0x77, 0xF6, 2))
print(i2c.writeto(0x77, b'\xd0'), i2c.readfrom(0x77, 1))
print(i2c.writeto(0x77, b'\xd0', False))
mv = memoryview(bytearray(3))
i2c.writeto(0x50, b'\x01')
i2c.readfrom_into(0x50, mv[1:])
print(bytes(mv))
print(i2c.readfrom(0x50, 2))
print(i2c.writevto(0x50, (b'\x00', b'\xaa', bytearray(b'\xbb'))))
print(i2c.readfrom_mem(0x50, 0x0001, 1, addrsize=16))
i2c.init(freq=100000)
print(i2c)
try:
    i2c.writeto(0x10, b'x')
except OSError as e:
    print('OSError:', e, e.args[0])
try:
    i2c.readfrom_mem(0x11, 0, 1)
except OSError as e:
    print('OSError:', e)
try:
    i2c.readfrom_mem(0x77, 0, 1, addrsize=12)
except ValueError as e:
    print('ValueError:', e)

soft = SoftI2C(scl=Pin(5), sda=Pin(4), freq=50000)
print(soft)
print(soft.readfrom_mem(0x77, 0xD0, 1))
try:
    soft.readfrom(0x12, 1)
except OSError as e:
    print('OSError:', e)
try:
    SoftI2C(Pin(20), Pin(21))
except ValueError as e:
    print('ValueError:', e)
i2c1 = I2C(1, scl=Pin(21), sda=Pin(20))
print(i2c1.scan())
for args, kw in (((5,), {}), ((0,), {'scl': Pin(4)}), ((0,), {'sda': Pin(5)})):
    try:
        I2C(*args, **kw)
    except ValueError as e:
        print('ValueError:', e)
try:
    i2c.writeto(0x77, 'text')
except TypeError as e:
    print('TypeError:', e)
try:
    i2c.readfrom_into(0x77, b'ro')
except TypeError as e:
    print('TypeError:', e)
