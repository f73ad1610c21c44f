# machine.SPI (chip select driven by the program), SoftSPI and UART.
from machine import SPI, SoftSPI, UART, Pin

spi = SPI(0, baudrate=2000000, polarity=0, phase=0)
print(spi)
cs = Pin('CS', Pin.OUT, value=1)
cs(0)
spi.write(b'\xd0')
print(spi.read(1))
cs(1)
cs(0)
spi.write(bytes([0x01 | 0x80]))
buf = bytearray(3)
spi.readinto(buf, 0xff)
print(buf)
cs(1)
cs(0)
out = bytearray(2)
spi.write_readinto(b'\x81\x00', out)
print(out)
cs(1)
print(spi.read(2))
spi.init(baudrate=500000, polarity=1)
print(spi)
try:
    spi.write_readinto(b'\x00', bytearray(2))
except ValueError as e:
    print('ValueError:', e)
try:
    SPI(3)
except ValueError as e:
    print('ValueError:', e)
soft = SoftSPI(sck=Pin('SCK'), mosi=Pin('MOSI'), miso=Pin('MISO'))
print(soft)
print(SPI.MSB, SPI.LSB)

u = UART(0, 115200)
print(u)
print(u.any())
print(u.readline())
print(u.read(3), u.any())
b = bytearray(8)
print(u.readinto(b), b)
print(u.read())
print(u.readline())
print(u.write(b'AT\r\n'), u.txdone())
u.flush()
try:
    UART(4)
except ValueError as e:
    print('ValueError:', e)
