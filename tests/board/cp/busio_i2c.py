# busio.I2C: the lock, probe, scan, writeto, readfrom_into, writeto_then_readfrom with
# start/end, NACK errors, pins in use, deinit, board.I2C() singleton.
import board
import busio

i2c = busio.I2C(board.SCL, board.SDA, frequency=400000)
print(i2c.frequency)
for f in (i2c.scan, lambda: i2c.probe(0x77), lambda: i2c.writeto(0x77, b'\xd0'),
          lambda: i2c.readfrom_into(0x77, bytearray(1)),
          lambda: i2c.writeto_then_readfrom(0x77, b'\xd0', bytearray(1))):
    try:
        f()
    except RuntimeError as e:
        print('RuntimeError:', e)
print(i2c.try_lock(), i2c.try_lock())
print([hex(a) for a in i2c.scan()], i2c.probe(0x77), i2c.probe(0x12))
buf = bytearray(4)
i2c.writeto_then_readfrom(0x77, b'\x00\xb2', buf, out_start=1, in_end=2)
print(buf)
i2c.writeto_then_readfrom(0x77, bytes([0xB2]), buf, in_start=2)
print(buf)
i2c.writeto(0x77, b'xx\xf4\x2e', start=2)
i2c.writeto(0x77, b'\xf6\x00', end=-1)
out = bytearray(3)
i2c.readfrom_into(0x77, out, start=1)
print(out)
i2c.writeto(0x50, b'')
i2c.readfrom_into(0x50, out)
print(out)
try:
    i2c.readfrom_into(0x77, bytearray(0))
except ValueError as e:
    print('ValueError:', e)
for f in (lambda: i2c.writeto(0x33, b'\x00'), lambda: i2c.readfrom_into(0x33, out),
          lambda: i2c.writeto_then_readfrom(0x33, b'\x00', out)):
    try:
        f()
    except OSError as e:
        print('OSError:', e)
try:
    i2c.writeto(200, b'')
except ValueError as e:
    print('ValueError:', e)
i2c.unlock()
try:
    i2c.scan()
except RuntimeError as e:
    print('RuntimeError:', e)
try:
    busio.I2C(board.SCL, board.SDA)
except ValueError as e:
    print('ValueError:', e)
for args in ((board.SDA, board.SCL), (board.D0, board.D1)):
    try:
        busio.I2C(*args)
    except ValueError as e:
        print('ValueError:', e)
try:
    busio.I2C(5, 4)
except TypeError as e:
    print('TypeError:', e)
i2c.deinit()
try:
    i2c.try_lock()
except ValueError as e:
    print('ValueError:', e)
with busio.I2C(board.D21, board.D20) as i2c1:
    i2c1.try_lock()
    print(i2c1.scan())
s = board.I2C()
print(s is board.I2C(), type(s).__name__)
s.deinit()
print(board.I2C() is s)
