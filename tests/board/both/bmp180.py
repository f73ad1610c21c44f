# A temperature driver written the way Adafruit and MicroPython drivers are: register
# constants with const(), calibration words unpacked from bytes read over I2C, and the
# datasheet's compensation. The simulated sensor holds Bosch's worked example (15.0 C).
import sys
from micropython import const

try:
    from struct import unpack_from
except ImportError:
    # Until struct is built in: big-endian 'h'/'H' with int.from_bytes.
    def unpack_from(fmt, buf, offset=0):
        out = []
        for i, c in enumerate(fmt[1:]):
            b = bytes(buf[offset + 2 * i:offset + 2 * i + 2])
            out.append(int.from_bytes(b, 'big', signed=(c == 'h')))
        return tuple(out)

_ADDRESS = const(0x77)
_REG_CHIP_ID = const(0xD0)
_CHIP_ID = const(0x55)
_REG_CAL_AC5 = const(0xB2)
_REG_CTRL = const(0xF4)
_CMD_TEMPERATURE = const(0x2E)
_REG_OUT = const(0xF6)

CIRCUITPYTHON = sys.implementation.name == 'circuitpython'


class I2CDevice:
    """What adafruit_bus_device.I2CDevice and a machine.I2C register helper share."""

    def __init__(self, i2c, address):
        self.i2c = i2c
        self.address = address

    def read_register(self, reg, n):
        buf = bytearray(n)
        if CIRCUITPYTHON:
            while not self.i2c.try_lock():
                pass
            try:
                self.i2c.writeto_then_readfrom(self.address, bytes([reg]), buf)
            finally:
                self.i2c.unlock()
        else:
            self.i2c.readfrom_mem_into(self.address, reg, buf)
        return buf

    def write_register(self, reg, value):
        if CIRCUITPYTHON:
            while not self.i2c.try_lock():
                pass
            try:
                self.i2c.writeto(self.address, bytes([reg, value]))
            finally:
                self.i2c.unlock()
        else:
            self.i2c.writeto_mem(self.address, reg, bytes([value]))


def sleep_ms(ms):
    if CIRCUITPYTHON:
        import microcontroller
        microcontroller.delay_us(ms * 1000)
    else:
        import machine
        machine.lightsleep(ms)


class BMP180:
    def __init__(self, i2c, address=_ADDRESS):
        self._dev = I2CDevice(i2c, address)
        chip = self._dev.read_register(_REG_CHIP_ID, 1)[0]
        if chip != _CHIP_ID:
            raise RuntimeError('no BMP180 (chip id 0x%02x)' % chip)
        cal = self._dev.read_register(_REG_CAL_AC5, 14)
        (self._ac5, self._ac6, self._b1, self._b2,
         self._mb, self._mc, self._md) = unpack_from('>HHhhhhh', cal)

    @property
    def raw_temperature(self):
        self._dev.write_register(_REG_CTRL, _CMD_TEMPERATURE)
        sleep_ms(5)
        return unpack_from('>H', self._dev.read_register(_REG_OUT, 2))[0]

    @property
    def temperature(self):
        ut = self.raw_temperature
        x1 = (ut - self._ac6) * self._ac5 >> 15
        x2 = (self._mc << 11) // (x1 + self._md)
        b5 = x1 + x2
        return ((b5 + 8) >> 4) / 10


if CIRCUITPYTHON:
    import board
    i2c = board.I2C()
else:
    from machine import I2C
    i2c = I2C(0)

sensor = BMP180(i2c)
print('AC5', sensor._ac5, 'AC6', sensor._ac6, 'MC', sensor._mc, 'MD', sensor._md)
print('UT', sensor.raw_temperature)
print('temperature: %.1f C' % sensor.temperature)
try:
    BMP180(i2c, address=0x76)
except OSError as e:
    print('OSError:', e)
