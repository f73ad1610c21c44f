//! How firmware wires its HAL to Python: a board with an LED, a button with an interrupt,
//! an I2C bus and an SPI bus, then a Python program that uses them.
//!
//! On real hardware the peripherals come from your chip's HAL crate (`rp2040-hal`,
//! `embassy-stm32`, `esp-hal`...); here embedded-hal-mock stands in for them so that the
//! example runs on a desktop: `cargo run -p pyrite-hal --example wiring`.

use embedded_hal_mock::eh1::delay::NoopDelay;
use embedded_hal_mock::eh1::digital::{Mock as PinMock, State, Transaction as PinT};
use embedded_hal_mock::eh1::i2c::{Mock as I2cMock, Transaction as I2cT};
use pyrite::{Config, Hal, Interpreter, Signal};
use pyrite_hal::{Board, Clock, HalBoard, I2c, I2cSlot, Input, NoGpio, Output, Pin};

/// The interpreter's signal: interrupt handlers schedule pin tokens on it.
static SIGNAL: Signal = Signal::new();

/// A microsecond counter (on hardware: a timer peripheral).
struct Ticks(u64);

impl Clock for Ticks {
    fn ticks_us(&mut self) -> u64 {
        self.0 += 1;
        self.0
    }
}

/// The port: console output and the board.
struct Port<'b> {
    board: HalBoard<'b>,
}

impl Hal for Port<'_> {
    fn write_out(&mut self, bytes: &[u8]) {
        print!("{}", String::from_utf8_lossy(bytes));
    }

    fn board(&mut self) -> Option<&mut dyn Board> {
        Some(&mut self.board)
    }
}

fn main() {
    // 1. Your HAL's peripherals (mocks here, with the traffic the program below causes).
    let led_pin = PinMock::new(&[PinT::set(State::High), PinT::set(State::Low)]);
    let button_pin = PinMock::new(&[PinT::get(State::High)]);
    let i2c_bus = I2cMock::new(&[I2cT::write_read(0x77, vec![0xD0], vec![0x55])]);

    // 2. Wrap them: `Output` for an OutputPin + StatefulOutputPin, `Input` for an InputPin,
    //    `I2c` for an embedded_hal::i2c::I2c (also: `InOut`, `WithIrq`, `Spi`, `SpiDevice`,
    //    `Serial`, `Pwm`, `Adc`).
    let mut led = Output::new(led_pin.clone());
    let mut button = Input::new(button_pin.clone());
    let (mut sda, mut scl) = (NoGpio, NoGpio);
    let mut i2c0 = I2c::new(i2c_bus.clone());

    // 3. Name the pins: an MCU name, then the board names Python uses
    //    (`Pin('LED')`, `board.LED`). Their position is their pin number.
    let mut pins = [
        Pin::new("GPIO25", &["LED", "D13"], &mut led),
        Pin::new("GPIO2", &["BUTTON"], &mut button),
        Pin::new("GPIO4", &["SDA"], &mut sda),
        Pin::new("GPIO5", &["SCL"], &mut scl),
    ];
    // 4. Buses say which pins they use (I2C(0) in machine; busio.I2C(board.SCL, board.SDA)).
    let mut i2c = [I2cSlot {
        scl: 3,
        sda: 2,
        bus: &mut i2c0,
    }];
    let (mut delay, mut clock) = (NoopDelay, Ticks(0));
    let board = HalBoard::new("example_board", &mut pins, &mut delay, &mut clock)
        .with_i2c(&mut i2c)
        .with_chip(b"\x01\x02\x03\x04", 125_000_000);

    // 5. Give the board to the interpreter through the port.
    let mut port = Port { board };
    let mut py =
        Interpreter::with_heap_size(64 * 1024, &mut port, Config::default()).expect("heap");
    py.attach_signal(&SIGNAL);
    let program = if pyrite::flavour::CIRCUITPYTHON {
        "import board, digitalio\n\
         led = digitalio.DigitalInOut(board.LED)\n\
         led.switch_to_output(True)\n\
         led.value = False\n\
         button = digitalio.DigitalInOut(board.BUTTON)\n\
         print('button', button.value)\n\
         i2c = board.I2C()\n\
         while not i2c.try_lock():\n    pass\n\
         chip_id = bytearray(1)\n\
         i2c.writeto_then_readfrom(0x77, bytes([0xD0]), chip_id)\n\
         print('chip id', hex(chip_id[0]))\n"
    } else {
        "from machine import Pin, I2C\n\
         led = Pin('LED', Pin.OUT)\n\
         led.on()\n\
         led.off()\n\
         print('button', Pin('BUTTON', Pin.IN).value())\n\
         i2c = I2C(0)\n\
         print('chip id', hex(i2c.readfrom_mem(0x77, 0xD0, 1)[0]))\n"
    };
    if let Err(e) = py.exec(program) {
        eprintln!("{e:?}");
    }
    drop(py);
    for mut m in [led_pin, button_pin] {
        m.done();
    }
    let mut i = i2c_bus;
    i.done();
}
