//! Python drives embedded-hal peripherals (embedded-hal-mock) through pyrite-hal, and the
//! mocks check the exact pin and bus transactions. One test per flavour family: build with
//! `--features circuitpython` (and without default features) for the circuitpython half.

use embedded_hal::i2c::{ErrorKind, NoAcknowledgeSource};
use embedded_hal_mock::eh1::delay::NoopDelay;
use embedded_hal_mock::eh1::digital::{Mock as PinMock, State, Transaction as PinT};
use embedded_hal_mock::eh1::i2c::{Mock as I2cMock, Transaction as I2cT};
use embedded_hal_mock::eh1::spi::{Mock as SpiMock, Transaction as SpiT};
use pyrite::{Config, Hal, Interpreter};
use pyrite_hal::*;

struct NoClock;

impl Clock for NoClock {
    fn ticks_us(&mut self) -> u64 {
        0
    }
}

struct TestHal<'b> {
    out: Vec<u8>,
    board: HalBoard<'b>,
}

impl Hal for TestHal<'_> {
    fn write_out(&mut self, bytes: &[u8]) {
        self.out.extend_from_slice(bytes);
    }

    fn board(&mut self) -> Option<&mut dyn Board> {
        Some(&mut self.board)
    }
}

/// Run `src` on `board` and return what it printed (a traceback fails the test).
fn run(board: HalBoard<'_>, src: &str, between: impl FnOnce(&mut Interpreter)) -> String {
    let mut hal = TestHal {
        out: Vec::new(),
        board,
    };
    {
        let mut py = Interpreter::with_heap_size(256 * 1024, &mut hal, Config::default()).unwrap();
        py.attach_signal(&SIGNAL);
        if let Err(e) = py.exec(src) {
            py.print_exception(match &e {
                pyrite::Error::Exception(x) => x,
                _ => panic!("{e:?}"),
            });
        }
        between(&mut py);
    }
    String::from_utf8(hal.out).unwrap()
}

static SIGNAL: pyrite::Signal = pyrite::Signal::new();

#[cfg(not(feature = "circuitpython"))]
#[derive(Default)]
struct Edges {
    rising: bool,
    falling: bool,
}

#[cfg(not(feature = "circuitpython"))]
struct IrqCtl(&'static std::sync::Mutex<Edges>);

#[cfg(not(feature = "circuitpython"))]
impl EdgeInterrupt for IrqCtl {
    fn set_edges(&mut self, rising: bool, falling: bool) {
        let mut e = self.0.lock().unwrap();
        e.rising = rising;
        e.falling = falling;
    }
}

#[cfg(not(feature = "circuitpython"))]
#[test]
fn machine_drives_pins_i2c_and_spi() {
    let mut led_m = PinMock::new(&[
        PinT::set(State::High),
        PinT::get_state(State::High),
        PinT::get_state(State::High),
        PinT::set(State::Low),
    ]);
    let mut button_m = PinMock::new(&[PinT::get(State::Low), PinT::get(State::High)]);
    let mut cs_m = PinMock::new(&[
        PinT::set(State::High),
        PinT::set(State::Low),
        PinT::set(State::High),
    ]);
    let mut i2c_m = I2cMock::new(&[
        I2cT::write_read(0x77, vec![0xD0], vec![0x55]),
        I2cT::write(0x77, vec![0xF4, 0x2E]),
        I2cT::read(0x77, vec![0x6C, 0xFA]),
        I2cT::write(0x10, vec![0x01])
            .with_error(ErrorKind::NoAcknowledge(NoAcknowledgeSource::Address)),
    ]);
    let mut spi_m = SpiMock::new(&[
        SpiT::write_vec(vec![0x9F]),
        SpiT::flush(),
        SpiT::transfer_in_place(vec![0, 0, 0], vec![0xEF, 0x40, 0x18]),
        SpiT::flush(),
        SpiT::transfer(vec![1, 2], vec![3, 4]),
        SpiT::flush(),
    ]);
    static EDGES: std::sync::Mutex<Edges> = std::sync::Mutex::new(Edges {
        rising: false,
        falling: false,
    });
    let mut led = Output::new(led_m.clone());
    let mut button = WithIrq {
        pin: Input::new(button_m.clone()),
        irq: IrqCtl(&EDGES),
    };
    let mut cs = Output::new(cs_m.clone());
    let (mut sda, mut scl, mut sck, mut mosi, mut miso) = (NoGpio, NoGpio, NoGpio, NoGpio, NoGpio);
    let mut pins = [
        Pin::new("GPIO25", &["LED"], &mut led),
        Pin::new("GPIO2", &["BUTTON"], &mut button),
        Pin::new("GPIO4", &["SDA"], &mut sda),
        Pin::new("GPIO5", &["SCL"], &mut scl),
        Pin::new("GPIO17", &["CS"], &mut cs),
        Pin::new("GPIO18", &["SCK"], &mut sck),
        Pin::new("GPIO19", &["MOSI"], &mut mosi),
        Pin::new("GPIO16", &["MISO"], &mut miso),
    ];
    let mut i2c0 = I2c::new(i2c_m.clone());
    let mut i2c = [I2cSlot {
        scl: 3,
        sda: 2,
        bus: &mut i2c0,
    }];
    let mut spi0 = Spi::new(spi_m.clone(), 1_000_000);
    let mut spi = [SpiSlot {
        pins: SpiPins {
            sck: 5,
            mosi: Some(6),
            miso: Some(7),
        },
        bus: &mut spi0,
    }];
    let (mut delay, mut clock) = (NoopDelay, NoClock);
    let board = HalBoard::new("mock", &mut pins, &mut delay, &mut clock)
        .with_i2c(&mut i2c)
        .with_spi(&mut spi)
        .with_chip(&[1, 2, 3], 48_000_000);
    let out = run(
        board,
        "from machine import Pin, I2C, SPI\n\
         import machine\n\
         led = Pin('LED', Pin.OUT)\n\
         led.on()\n\
         print(led.value())\n\
         led.toggle()\n\
         b = Pin('BUTTON', Pin.IN)\n\
         print(b.value())\n\
         hits = []\n\
         b.irq(lambda p: hits.append(p), Pin.IRQ_RISING)\n\
         i2c = I2C(0)\n\
         print(i2c.readfrom_mem(0x77, 0xD0, 1))\n\
         i2c.writeto_mem(0x77, 0xF4, b'\\x2e')\n\
         print(i2c.readfrom(0x77, 2))\n\
         try:\n    i2c.writeto(0x10, b'\\x01')\nexcept OSError as e:\n    print(e)\n\
         spi = SPI(0)\n\
         cs = Pin('CS', Pin.OUT, value=1)\n\
         cs(0)\n\
         spi.write(b'\\x9f')\n\
         print(spi.read(3))\n\
         buf = bytearray(2)\n\
         spi.write_readinto(b'\\x01\\x02', buf)\n\
         print(buf)\n\
         cs(1)\n\
         print(machine.unique_id(), machine.freq())\n",
        |py| {
            // The button's interrupt handler fires: the firmware schedules the pin's token.
            assert!(EDGES.lock().unwrap().rising);
            SIGNAL.schedule(pin_irq_token(1));
            py.exec("for i in range(3):\n    pass\nprint(hits, hits[0].value())")
                .unwrap();
        },
    );
    assert_eq!(
        out,
        "1\n0\nb'U'\nb'l\\xfa'\n[Errno 5] EIO\nb'\\xef@\\x18'\nbytearray(b'\\x03\\x04')\n\
         b'\\x01\\x02\\x03' 48000000\n[Pin(GPIO2, mode=IN)] 1\n"
    );
    led_m.done();
    button_m.done();
    cs_m.done();
    i2c_m.done();
    spi_m.done();
}

#[cfg(feature = "circuitpython")]
#[test]
fn circuitpython_drives_pins_i2c_and_spi() {
    let mut led_m = PinMock::new(&[PinT::set(State::High), PinT::get_state(State::High)]);
    let mut i2c_m = I2cMock::new(&[
        I2cT::write_read(0x77, vec![0xD0], vec![0x55]),
        I2cT::write(0x77, vec![0xF4, 0x2E]),
        I2cT::write(0x10, vec![0x01])
            .with_error(ErrorKind::NoAcknowledge(NoAcknowledgeSource::Address)),
        I2cT::write(0x77, vec![]),
    ]);
    let mut spi_m = SpiMock::new(&[
        SpiT::write_vec(vec![0x9F]),
        SpiT::flush(),
        SpiT::transfer_in_place(vec![0xFF, 0xFF], vec![0xEF, 0x40]),
        SpiT::flush(),
    ]);
    let mut led = Output::new(led_m.clone());
    let (mut sda, mut scl, mut sck, mut mosi, mut miso) = (NoGpio, NoGpio, NoGpio, NoGpio, NoGpio);
    let mut pins = [
        Pin::new("GPIO25", &["LED", "D13"], &mut led),
        Pin::new("GPIO4", &["SDA"], &mut sda),
        Pin::new("GPIO5", &["SCL"], &mut scl),
        Pin::new("GPIO18", &["SCK"], &mut sck),
        Pin::new("GPIO19", &["MOSI"], &mut mosi),
        Pin::new("GPIO16", &["MISO"], &mut miso),
    ];
    let mut i2c0 = I2c::new(i2c_m.clone());
    let mut i2c = [I2cSlot {
        scl: 2,
        sda: 1,
        bus: &mut i2c0,
    }];
    let mut spi0 = Spi::new(spi_m.clone(), 1_000_000);
    let mut spi = [SpiSlot {
        pins: SpiPins {
            sck: 3,
            mosi: Some(4),
            miso: Some(5),
        },
        bus: &mut spi0,
    }];
    let (mut delay, mut clock) = (NoopDelay, NoClock);
    let board = HalBoard::new("mock", &mut pins, &mut delay, &mut clock)
        .with_i2c(&mut i2c)
        .with_spi(&mut spi);
    let out = run(
        board,
        "import board, digitalio, busio\n\
         print(board.board_id, board.LED is board.D13)\n\
         led = digitalio.DigitalInOut(board.LED)\n\
         led.switch_to_output(value=True)\n\
         print(led.value)\n\
         i2c = board.I2C()\n\
         try:\n    i2c.scan()\nexcept RuntimeError as e:\n    print(e)\n\
         print(i2c.try_lock())\n\
         buf = bytearray(1)\n\
         i2c.writeto_then_readfrom(0x77, b'\\xd0', buf)\n\
         print(buf)\n\
         i2c.writeto(0x77, b'\\x00\\xf4\\x2e', start=1)\n\
         try:\n    i2c.writeto(0x10, b'\\x01')\nexcept OSError as e:\n    print(e)\n\
         print(i2c.probe(0x77))\n\
         i2c.unlock()\n\
         spi = busio.SPI(board.SCK, board.MOSI, board.MISO)\n\
         print(spi.try_lock())\n\
         spi.write(b'\\x9f\\x00', end=1)\n\
         buf = bytearray(2)\n\
         spi.readinto(buf, write_value=0xff)\n\
         print(buf)\n",
        |_| {},
    );
    assert_eq!(
        out,
        "mock True\nTrue\nFunction requires lock\nTrue\nbytearray(b'U')\n\
         [Errno 19] No such device\nTrue\nTrue\nbytearray(b'\\xef@')\n"
    );
    led_m.done();
    i2c_m.done();
    spi_m.done();
}
