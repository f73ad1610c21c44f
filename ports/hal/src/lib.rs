//! pyrite-hal: board bindings for pyrite over `embedded-hal` 1.0.
//!
//! Python's `machine` (micropython flavour) or `board`/`digitalio`/`busio`/`analogio`/
//! `pwmio` (circuitpython flavour) drive the board traits of [`pyrite::hal::board`]. This
//! crate implements them over any `embedded-hal` peripherals, so firmware wires its HAL's
//! pins and buses to Python names in a few lines:
//!
//! ```ignore
//! let mut led = pyrite_hal::Output::new(hal_led_pin);          // OutputPin + StatefulOutputPin
//! let mut button = pyrite_hal::Input::new(hal_button_pin);     // InputPin
//! let mut pins = [
//!     pyrite_hal::Pin::new("GPIO25", &["LED", "D13"], &mut led),
//!     pyrite_hal::Pin::new("GPIO2", &["BUTTON"], &mut button),
//!     pyrite_hal::Pin::new("GPIO4", &["SDA"], &mut pyrite_hal::NoGpio),
//!     pyrite_hal::Pin::new("GPIO5", &["SCL"], &mut pyrite_hal::NoGpio),
//! ];
//! let mut i2c0 = pyrite_hal::I2c::new(hal_i2c);                // embedded_hal::i2c::I2c
//! let mut i2c = [pyrite_hal::I2cSlot { scl: 3, sda: 2, bus: &mut i2c0 }];
//! let mut board = pyrite_hal::HalBoard::new("my_board", &mut pins, &mut delay, &mut clock)
//!     .with_i2c(&mut i2c);
//! // and in the port's Hal: fn board(&mut self) -> Option<&mut dyn Board> { Some(&mut self.board) }
//! ```
//!
//! `examples/wiring.rs` is a complete, commented example. What embedded-hal does not cover
//! is a small trait here: [`AdcChannel`] (analog inputs), [`EdgeInterrupt`] (pin
//! interrupts: the firmware's interrupt handler then calls
//! `SIGNAL.schedule(pin_irq_token(pin))`), [`Clock`] (a microsecond counter).
#![no_std]

use embedded_hal::delay::DelayNs;
use embedded_hal::digital::{InputPin, OutputPin, StatefulOutputPin};
use embedded_hal::i2c::{self as ehi2c, NoAcknowledgeSource};
use embedded_hal::pwm::SetDutyCycle;
pub use pyrite::hal::board::{
    pin_irq_token, timer_token, AnalogIn, Board, Edges, GpioPin, HwError, I2cBus, I2cOp, PinId,
    PinMode, Pull, PwmOut, SerialPort, SpiBus, SpiConfig, SpiPins, Watchdog,
};

/// A microsecond counter (`time.ticks_us`, timeouts).
pub trait Clock {
    /// Microseconds since some fixed point.
    fn ticks_us(&mut self) -> u64;
}

/// An analog input channel.
pub trait AdcChannel {
    /// One reading scaled to 0..=65535.
    fn read_u16(&mut self) -> u16;
}

/// Edge interrupts of a pin. Enable them in hardware here; the interrupt handler then calls
/// `SIGNAL.schedule(pyrite_hal::pin_irq_token(pin))` on the signal attached to the
/// interpreter.
pub trait EdgeInterrupt {
    /// Enable the given edges (both false: disable).
    fn set_edges(&mut self, rising: bool, falling: bool);
}

fn nack(e: ehi2c::ErrorKind) -> HwError {
    match e {
        ehi2c::ErrorKind::NoAcknowledge(NoAcknowledgeSource::Data) => HwError::DataNack,
        ehi2c::ErrorKind::NoAcknowledge(_) => HwError::AddressNack,
        _ => HwError::Bus,
    }
}

/// A pin that is only an input.
pub struct Input<P>(pub P);

impl<P: InputPin> Input<P> {
    /// Wrap an input pin.
    pub fn new(p: P) -> Self {
        Input(p)
    }
}

impl<P: InputPin> GpioPin for Input<P> {
    fn configure(&mut self, mode: PinMode, _pull: Pull) -> Result<(), HwError> {
        // The pull is the HAL's configuration; an input cannot become an output.
        match mode {
            PinMode::Input => Ok(()),
            _ => Err(HwError::Unsupported),
        }
    }

    fn read(&mut self) -> Result<bool, HwError> {
        self.0.is_high().map_err(|_| HwError::Bus)
    }

    fn write(&mut self, _high: bool) -> Result<(), HwError> {
        Err(HwError::Unsupported)
    }
}

/// A pin that is only an output; reading it gives the level it drives. Switching it to an
/// input is accepted and leaves it driving (`DigitalInOut(pin)` starts as an input).
pub struct Output<P>(pub P);

impl<P: StatefulOutputPin> Output<P> {
    /// Wrap an output pin.
    pub fn new(p: P) -> Self {
        Output(p)
    }
}

impl<P: StatefulOutputPin> GpioPin for Output<P> {
    fn configure(&mut self, _mode: PinMode, _pull: Pull) -> Result<(), HwError> {
        Ok(())
    }

    fn read(&mut self) -> Result<bool, HwError> {
        self.0.is_set_high().map_err(|_| HwError::Bus)
    }

    fn write(&mut self, high: bool) -> Result<(), HwError> {
        if high {
            self.0.set_high()
        } else {
            self.0.set_low()
        }
        .map_err(|_| HwError::Bus)
    }
}

/// A pin that reads and drives (an open-drain or flexible pin of the HAL). The mode is the
/// HAL's: `configure` accepts any.
pub struct InOut<P>(pub P);

impl<P: InputPin + OutputPin> InOut<P> {
    /// Wrap a pin that is both an input and an output.
    pub fn new(p: P) -> Self {
        InOut(p)
    }
}

impl<P: InputPin + OutputPin> GpioPin for InOut<P> {
    fn configure(&mut self, _mode: PinMode, _pull: Pull) -> Result<(), HwError> {
        Ok(())
    }

    fn read(&mut self) -> Result<bool, HwError> {
        self.0.is_high().map_err(|_| HwError::Bus)
    }

    fn write(&mut self, high: bool) -> Result<(), HwError> {
        if high {
            self.0.set_high()
        } else {
            self.0.set_low()
        }
        .map_err(|_| HwError::Bus)
    }
}

/// A pin with edge interrupts: `G`'s digital behaviour, `E`'s interrupt control.
pub struct WithIrq<G, E> {
    /// The digital pin.
    pub pin: G,
    /// Its interrupt control.
    pub irq: E,
}

impl<G: GpioPin, E: EdgeInterrupt> GpioPin for WithIrq<G, E> {
    fn configure(&mut self, mode: PinMode, pull: Pull) -> Result<(), HwError> {
        self.pin.configure(mode, pull)
    }

    fn read(&mut self) -> Result<bool, HwError> {
        self.pin.read()
    }

    fn write(&mut self, high: bool) -> Result<(), HwError> {
        self.pin.write(high)
    }

    fn set_irq(&mut self, edges: Edges) -> Result<(), HwError> {
        self.irq.set_edges(edges.rising, edges.falling);
        Ok(())
    }
}

/// A pin Python may name but not drive (a bus pin: SDA, SCK...).
pub struct NoGpio;

impl GpioPin for NoGpio {
    fn configure(&mut self, _mode: PinMode, _pull: Pull) -> Result<(), HwError> {
        Err(HwError::Unsupported)
    }

    fn read(&mut self) -> Result<bool, HwError> {
        Err(HwError::Unsupported)
    }

    fn write(&mut self, _high: bool) -> Result<(), HwError> {
        Err(HwError::Unsupported)
    }

    fn release(&mut self) {}
}

/// An I2C controller: `embedded_hal::i2c::I2c`. A write, a read and a write-then-read use the
/// HAL's `write`, `read` and `write_read`; anything else its `transaction`.
pub struct I2c<B>(pub B);

impl<B: ehi2c::I2c> I2c<B> {
    /// Wrap an I2C controller.
    pub fn new(b: B) -> Self {
        I2c(b)
    }
}

impl<B: ehi2c::I2c> I2cBus for I2c<B> {
    fn transaction(&mut self, addr: u8, ops: &mut [I2cOp<'_>]) -> Result<(), HwError> {
        use embedded_hal::i2c::Error;
        let r = match ops {
            [I2cOp::Write(w)] => self.0.write(addr, w),
            [I2cOp::Read(r)] => self.0.read(addr, r),
            [I2cOp::Write(w), I2cOp::Read(r)] => self.0.write_read(addr, w, r),
            _ => {
                // At most four operations (the core issues two).
                let mut eh: [ehi2c::Operation<'_>; 4] = [
                    ehi2c::Operation::Write(&[]),
                    ehi2c::Operation::Write(&[]),
                    ehi2c::Operation::Write(&[]),
                    ehi2c::Operation::Write(&[]),
                ];
                if ops.len() > eh.len() {
                    return Err(HwError::Unsupported);
                }
                let n = ops.len();
                for (slot, op) in eh.iter_mut().zip(ops.iter_mut()) {
                    *slot = match op {
                        I2cOp::Write(w) => ehi2c::Operation::Write(w),
                        I2cOp::Read(r) => ehi2c::Operation::Read(r),
                    };
                }
                self.0.transaction(addr, &mut eh[..n])
            }
        };
        r.map_err(|e| nack(e.kind()))
    }
}

/// An SPI bus: `embedded_hal::spi::SpiBus` (chip select is a pin Python drives). `frequency`
/// is the rate the HAL configured; `configure` records a new one but cannot change it.
pub struct Spi<B> {
    bus: B,
    frequency: u32,
}

impl<B: embedded_hal::spi::SpiBus> Spi<B> {
    /// Wrap an SPI bus running at `frequency` Hz.
    pub fn new(bus: B, frequency: u32) -> Self {
        Spi { bus, frequency }
    }
}

impl<B: embedded_hal::spi::SpiBus> SpiBus for Spi<B> {
    fn configure(&mut self, config: &SpiConfig) -> Result<(), HwError> {
        self.frequency = config.baudrate;
        Ok(())
    }

    fn frequency(&self) -> u32 {
        self.frequency
    }

    fn write(&mut self, data: &[u8]) -> Result<(), HwError> {
        self.bus.write(data).map_err(|_| HwError::Bus)?;
        self.bus.flush().map_err(|_| HwError::Bus)
    }

    fn transfer_in_place(&mut self, buf: &mut [u8]) -> Result<(), HwError> {
        self.bus.transfer_in_place(buf).map_err(|_| HwError::Bus)?;
        self.bus.flush().map_err(|_| HwError::Bus)
    }

    fn transfer(&mut self, read: &mut [u8], write: &[u8]) -> Result<(), HwError> {
        self.bus.transfer(read, write).map_err(|_| HwError::Bus)?;
        self.bus.flush().map_err(|_| HwError::Bus)
    }
}

/// An SPI device: `embedded_hal::spi::SpiDevice`, for HALs that only hand out devices. Each
/// Python call is one transaction: the device asserts chip select around it.
pub struct SpiDevice<D> {
    dev: D,
    frequency: u32,
}

impl<D: embedded_hal::spi::SpiDevice> SpiDevice<D> {
    /// Wrap an SPI device running at `frequency` Hz.
    pub fn new(dev: D, frequency: u32) -> Self {
        SpiDevice { dev, frequency }
    }
}

impl<D: embedded_hal::spi::SpiDevice> SpiBus for SpiDevice<D> {
    fn frequency(&self) -> u32 {
        self.frequency
    }

    fn write(&mut self, data: &[u8]) -> Result<(), HwError> {
        self.dev.write(data).map_err(|_| HwError::Bus)
    }

    fn transfer_in_place(&mut self, buf: &mut [u8]) -> Result<(), HwError> {
        self.dev.transfer_in_place(buf).map_err(|_| HwError::Bus)
    }

    fn transfer(&mut self, read: &mut [u8], write: &[u8]) -> Result<(), HwError> {
        self.dev.transfer(read, write).map_err(|_| HwError::Bus)
    }
}

/// A serial port: `embedded_io::Read + Write + ReadReady`.
pub struct Serial<S>(pub S);

impl<S: embedded_io::Read + embedded_io::Write + embedded_io::ReadReady> Serial<S> {
    /// Wrap a serial port.
    pub fn new(s: S) -> Self {
        Serial(s)
    }
}

impl<S: embedded_io::Read + embedded_io::Write + embedded_io::ReadReady> SerialPort for Serial<S> {
    fn write(&mut self, data: &[u8]) -> Result<usize, HwError> {
        self.0.write_all(data).map_err(|_| HwError::Bus)?;
        Ok(data.len())
    }

    fn read(&mut self, buf: &mut [u8]) -> Result<usize, HwError> {
        if buf.is_empty() || !self.0.read_ready().map_err(|_| HwError::Bus)? {
            return Ok(0);
        }
        self.0.read(buf).map_err(|_| HwError::Bus)
    }

    fn available(&mut self) -> usize {
        matches!(self.0.read_ready(), Ok(true)) as usize
    }

    fn flush(&mut self) -> Result<(), HwError> {
        self.0.flush().map_err(|_| HwError::Bus)
    }
}

/// A PWM channel: `embedded_hal::pwm::SetDutyCycle` at the frequency the HAL configured.
pub struct Pwm<P> {
    pwm: P,
    frequency: u32,
}

impl<P: SetDutyCycle> Pwm<P> {
    /// Wrap a PWM channel running at `frequency` Hz.
    pub fn new(pwm: P, frequency: u32) -> Self {
        Pwm { pwm, frequency }
    }
}

impl<P: SetDutyCycle> PwmOut for Pwm<P> {
    fn set_duty_u16(&mut self, duty: u16) -> Result<(), HwError> {
        self.pwm
            .set_duty_cycle_fraction(duty, u16::MAX)
            .map_err(|_| HwError::Bus)
    }

    fn frequency(&self) -> u32 {
        self.frequency
    }
}

/// An analog input over an [`AdcChannel`].
pub struct Adc<A> {
    adc: A,
    reference_uv: u32,
}

impl<A: AdcChannel> Adc<A> {
    /// Wrap a channel whose full scale is `reference_uv` microvolts.
    pub fn new(adc: A, reference_uv: u32) -> Self {
        Adc { adc, reference_uv }
    }
}

impl<A: AdcChannel> AnalogIn for Adc<A> {
    fn read_u16(&mut self) -> Result<u16, HwError> {
        Ok(self.adc.read_u16())
    }

    fn reference_uv(&self) -> u32 {
        self.reference_uv
    }
}

/// A named pin: its MCU name, board names, and digital interface.
pub struct Pin<'a> {
    name: &'a str,
    board: &'a [&'a str],
    io: &'a mut (dyn GpioPin + Send),
}

impl<'a> Pin<'a> {
    /// Pin `name` (`"GPIO25"`), also called `board` (`&["LED", "D13"]`).
    pub fn new(name: &'a str, board: &'a [&'a str], io: &'a mut (dyn GpioPin + Send)) -> Self {
        Pin { name, board, io }
    }
}

/// An I2C bus and its pins (indices into the pin table).
pub struct I2cSlot<'a> {
    /// Clock pin.
    pub scl: PinId,
    /// Data pin.
    pub sda: PinId,
    /// The controller.
    pub bus: &'a mut (dyn I2cBus + Send),
}

/// An SPI bus and its pins.
pub struct SpiSlot<'a> {
    /// The pins.
    pub pins: SpiPins,
    /// The controller.
    pub bus: &'a mut (dyn SpiBus + Send),
}

/// A UART and its pins.
pub struct UartSlot<'a> {
    /// Transmit pin.
    pub tx: Option<PinId>,
    /// Receive pin.
    pub rx: Option<PinId>,
    /// The port.
    pub port: &'a mut (dyn SerialPort + Send),
}

/// A board made of embedded-hal peripherals.
pub struct HalBoard<'a> {
    id: &'a str,
    uid: &'a [u8],
    cpu_frequency: u32,
    pins: &'a mut [Pin<'a>],
    i2c: &'a mut [I2cSlot<'a>],
    spi: &'a mut [SpiSlot<'a>],
    uart: &'a mut [UartSlot<'a>],
    pwm: &'a mut [(PinId, &'a mut (dyn PwmOut + Send))],
    adc: &'a mut [(PinId, &'a mut (dyn AnalogIn + Send))],
    delay: &'a mut (dyn DelayNs + Send),
    clock: &'a mut (dyn Clock + Send),
    reset: Option<fn()>,
}

impl<'a> HalBoard<'a> {
    /// A board called `id` with these pins, a delay and a clock.
    pub fn new(
        id: &'a str,
        pins: &'a mut [Pin<'a>],
        delay: &'a mut (dyn DelayNs + Send),
        clock: &'a mut (dyn Clock + Send),
    ) -> Self {
        HalBoard {
            id,
            uid: &[],
            cpu_frequency: 0,
            pins,
            i2c: &mut [],
            spi: &mut [],
            uart: &mut [],
            pwm: &mut [],
            adc: &mut [],
            delay,
            clock,
            reset: None,
        }
    }

    /// Its I2C buses (`I2C(0)`, `busio.I2C(board.SCL, board.SDA)`...).
    pub fn with_i2c(mut self, i2c: &'a mut [I2cSlot<'a>]) -> Self {
        self.i2c = i2c;
        self
    }

    /// Its SPI buses.
    pub fn with_spi(mut self, spi: &'a mut [SpiSlot<'a>]) -> Self {
        self.spi = spi;
        self
    }

    /// Its UARTs.
    pub fn with_uart(mut self, uart: &'a mut [UartSlot<'a>]) -> Self {
        self.uart = uart;
        self
    }

    /// Its PWM outputs, by pin.
    pub fn with_pwm(mut self, pwm: &'a mut [(PinId, &'a mut (dyn PwmOut + Send))]) -> Self {
        self.pwm = pwm;
        self
    }

    /// Its analog inputs, by pin.
    pub fn with_adc(mut self, adc: &'a mut [(PinId, &'a mut (dyn AnalogIn + Send))]) -> Self {
        self.adc = adc;
        self
    }

    /// The chip's unique id and CPU frequency.
    pub fn with_chip(mut self, uid: &'a [u8], cpu_frequency: u32) -> Self {
        self.uid = uid;
        self.cpu_frequency = cpu_frequency;
        self
    }

    /// What `machine.reset()` / `microcontroller.reset()` call.
    pub fn with_reset(mut self, reset: fn()) -> Self {
        self.reset = Some(reset);
        self
    }
}

impl Board for HalBoard<'_> {
    fn board_id(&self) -> &str {
        self.id
    }

    fn pin_count(&self) -> usize {
        self.pins.len()
    }

    fn pin_name(&self, pin: PinId) -> Option<&str> {
        self.pins.get(pin as usize).map(|p| p.name)
    }

    fn board_name(&self, i: usize) -> Option<(&str, PinId)> {
        self.pins
            .iter()
            .enumerate()
            .flat_map(|(k, p)| p.board.iter().map(move |n| (*n, k as PinId)))
            .nth(i)
    }

    fn pin(&mut self, pin: PinId) -> Option<&mut dyn GpioPin> {
        match self.pins.get_mut(pin as usize) {
            Some(p) => Some(&mut *p.io),
            None => None,
        }
    }

    fn i2c(&mut self, id: usize) -> Option<&mut dyn I2cBus> {
        match self.i2c.get_mut(id) {
            Some(s) => Some(&mut *s.bus),
            None => None,
        }
    }

    fn i2c_pins(&self, id: usize) -> Option<(PinId, PinId)> {
        self.i2c.get(id).map(|s| (s.scl, s.sda))
    }

    fn spi(&mut self, id: usize) -> Option<&mut dyn SpiBus> {
        match self.spi.get_mut(id) {
            Some(s) => Some(&mut *s.bus),
            None => None,
        }
    }

    fn spi_pins(&self, id: usize) -> Option<SpiPins> {
        self.spi.get(id).map(|s| s.pins)
    }

    fn uart(&mut self, id: usize) -> Option<&mut dyn SerialPort> {
        match self.uart.get_mut(id) {
            Some(s) => Some(&mut *s.port),
            None => None,
        }
    }

    fn uart_pins(&self, id: usize) -> Option<(Option<PinId>, Option<PinId>)> {
        self.uart.get(id).map(|s| (s.tx, s.rx))
    }

    fn pwm(&mut self, pin: PinId) -> Option<&mut dyn PwmOut> {
        match self.pwm.iter_mut().find(|(p, _)| *p == pin) {
            Some((_, p)) => Some(&mut **p),
            None => None,
        }
    }

    fn adc(&mut self, pin: PinId) -> Option<&mut dyn AnalogIn> {
        match self.adc.iter_mut().find(|(p, _)| *p == pin) {
            Some((_, a)) => Some(&mut **a),
            None => None,
        }
    }

    fn ticks_us(&mut self) -> u64 {
        self.clock.ticks_us()
    }

    fn delay_us(&mut self, us: u32) {
        self.delay.delay_us(us);
    }

    fn unique_id(&self) -> &[u8] {
        self.uid
    }

    fn cpu_frequency(&self) -> u32 {
        self.cpu_frequency
    }

    fn reset(&mut self) {
        if let Some(r) = self.reset {
            r();
        }
    }
}
