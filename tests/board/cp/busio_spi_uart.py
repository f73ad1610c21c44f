# busio.SPI (configure, write/readinto/write_readinto with slices, the lock) and busio.UART.
import board
import busio
import digitalio

spi = busio.SPI(board.SCK, MOSI=board.MOSI, MISO=board.MISO)
print(spi.frequency)
try:
    spi.configure(baudrate=1000000)
except RuntimeError as e:
    print('RuntimeError:', e)
print(spi.try_lock())
spi.configure(baudrate=4000000, polarity=1, phase=1)
print(spi.frequency)
for kw in ({'polarity': 2}, {'bits': 9}):
    try:
        spi.configure(**kw)
    except ValueError as e:
        print('ValueError:', e)
cs = digitalio.DigitalInOut(board.CS)
cs.switch_to_output(True)
cs.value = False
spi.write(b'\x00\xd0\x00', start=1, end=2)
chip = bytearray(2)
spi.readinto(chip, end=1)
print(chip)
cs.value = True
cs.value = False
spi.write(bytes([0x81]))
buf = bytearray(3)
spi.readinto(buf, write_value=0xff)
print(buf)
cs.value = True
cs.value = False
inb = bytearray(4)
spi.write_readinto(b'\x81\x00\x00', inb, in_start=1)
print(inb)
cs.value = True
try:
    spi.write_readinto(b'\x00', bytearray(2))
except ValueError as e:
    print('ValueError:', e)
spi.unlock()
try:
    spi.write(b'\x00')
except RuntimeError as e:
    print('RuntimeError:', e)
try:
    busio.SPI(board.SCK)
except ValueError as e:
    print('ValueError:', e)
try:
    busio.SPI(board.D20, board.D21)
except ValueError as e:
    print('ValueError:', e)
spi.deinit()
print(board.SPI().frequency)

uart = busio.UART(board.TX, board.RX, baudrate=115200, timeout=0)
print(uart.baudrate, uart.timeout, uart.in_waiting)
print(uart.readline())
print(uart.read(3), uart.in_waiting)
b = bytearray(8)
print(uart.readinto(b), b)
print(uart.read(), uart.readline())
print(uart.write(b'AT\r\n'))
uart.baudrate = 9600
uart.timeout = 0.01
print(uart.baudrate, uart.timeout)
uart.reset_input_buffer()
try:
    uart.write('text')
except TypeError as e:
    print('TypeError:', e)
print(busio.UART.Parity.ODD, busio.UART.Parity.EVEN)
try:
    busio.UART(board.TX, board.RX)
except ValueError as e:
    print('ValueError:', e)
uart.deinit()
try:
    uart.read()
except ValueError as e:
    print('ValueError:', e)
print(type(board.UART()).__name__)
