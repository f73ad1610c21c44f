//! Board peripherals: the traits the hardware modules drive.
//!
//! `machine` (micropython flavour) and `board`, `microcontroller`, `digitalio`, `busio`,
//! `analogio`, `pwmio`, `supervisor` (circuitpython flavour) are written once against these
//! traits. A port hands its board to the interpreter through [`Hal::board`](super::Hal::board):
//!
//! * firmware uses the `pyrite-hal` crate, which implements [`Board`] over `embedded-hal` 1.0
//!   pins, buses and delays;
//! * the unix port's simulated board (`pyrite --board sim.toml`) implements it over register
//!   maps and records every bus transaction.
//!
//! A board is a registry: pins are numbered `0..pin_count()` ([`PinId`]), each with an MCU name
//! (`GPIO5`) and any number of board names (`D5`, `LED`, `SDA`); buses are numbered per kind
//! and wired to pins. Ownership rules ("in use", deinitialised objects, bus locks) live in the
//! core, so a board implementation only moves bits.
//!
//! # Interrupts
//!
//! Pin edge interrupts and timers reach Python through the interpreter's
//! [`Signal`](crate::Signal): when an enabled edge happens on pin `p`, the board (or the
//! firmware's interrupt handler) calls `signal.schedule(pin_irq_token(p))`; when timer `t`
//! expires, `signal.schedule(timer_token(t))`. The interpreter then calls the Python handler
//! at its next safepoint, as `micropython.schedule` would. Tokens at or above
//! [`HW_TOKEN_BASE`] are reserved for this; an embedder's own tokens stay below it.

/// A pin: an index into the board's pin table.
pub type PinId = u16;

/// Signal tokens at or above this value belong to pin interrupts and timers.
pub const HW_TOKEN_BASE: u16 = 0x8000;

/// The signal token of an edge interrupt on `pin`.
pub const fn pin_irq_token(pin: PinId) -> u16 {
    HW_TOKEN_BASE | (pin & 0x3fff)
}

/// The signal token of timer `id` expiring.
pub const fn timer_token(id: u16) -> u16 {
    HW_TOKEN_BASE | 0x4000 | (id & 0x3fff)
}

/// What a board operation can fail with. The flavour modules turn these into the exceptions
/// MicroPython or CircuitPython raise.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum HwError {
    /// The board cannot do this (a mode, a frequency, a peripheral it does not have).
    Unsupported,
    /// An I2C address was not acknowledged (no device there).
    AddressNack,
    /// A data byte was not acknowledged.
    DataNack,
    /// A bus fault (arbitration loss, overrun, framing, or anything else).
    Bus,
    /// The operation timed out.
    Timeout,
}

/// How a pin is driven.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum PinMode {
    /// A digital input.
    Input,
    /// A push-pull output.
    Output,
    /// An open-drain output: drives low, releases high.
    OpenDrain,
}

/// The pull resistor of an input.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Pull {
    /// None (floating).
    None,
    /// Pull up.
    Up,
    /// Pull down.
    Down,
}

/// Which edges raise a pin interrupt.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub struct Edges {
    /// Low to high.
    pub rising: bool,
    /// High to low.
    pub falling: bool,
}

impl Edges {
    /// No edges: the interrupt is off.
    pub const NONE: Edges = Edges {
        rising: false,
        falling: false,
    };

    /// Whether any edge is enabled.
    pub fn any(self) -> bool {
        self.rising || self.falling
    }
}

/// A digital pin.
pub trait GpioPin {
    /// Set the mode and pull. An output keeps its last written level.
    fn configure(&mut self, mode: PinMode, pull: Pull) -> Result<(), HwError>;

    /// The level on the pin (for an output, the level it drives or reads back).
    fn read(&mut self) -> Result<bool, HwError>;

    /// Drive the pin (an open-drain output releases the line for `true`).
    fn write(&mut self, high: bool) -> Result<(), HwError>;

    /// Enable edge interrupts (`Edges::NONE` disables them). See the module documentation for
    /// how an interrupt reaches Python.
    fn set_irq(&mut self, _edges: Edges) -> Result<(), HwError> {
        Err(HwError::Unsupported)
    }

    /// Back to the reset state (an input without pull) when Python lets the pin go.
    fn release(&mut self) {
        let _ = self.configure(PinMode::Input, Pull::None);
    }
}

/// One operation of an I2C transaction.
#[derive(Debug, PartialEq, Eq)]
pub enum I2cOp<'a> {
    /// Write these bytes.
    Write(&'a [u8]),
    /// Read into this buffer.
    Read(&'a mut [u8]),
}

/// An I2C controller. A transaction is START, the operations (a repeated START between a
/// write and a read), STOP, exactly as `embedded_hal::i2c::I2c::transaction`. The core issues
/// at most two operations: one write, one read, or a write then a read; and `[Write(&[])]`
/// to probe an address.
pub trait I2cBus {
    /// Run one transaction with the 7-bit address `addr`.
    fn transaction(&mut self, addr: u8, ops: &mut [I2cOp<'_>]) -> Result<(), HwError>;

    /// Set the clock frequency (Hz).
    fn set_frequency(&mut self, _hz: u32) -> Result<(), HwError> {
        Ok(())
    }
}

/// SPI clock and framing.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct SpiConfig {
    /// Clock rate in Hz.
    pub baudrate: u32,
    /// Clock idle level (CPOL).
    pub polarity: u8,
    /// Sampling edge (CPHA).
    pub phase: u8,
    /// Bits per word.
    pub bits: u8,
    /// Least significant bit first.
    pub lsb_first: bool,
}

/// An SPI controller (the bus: chip select is a separate pin that Python drives).
pub trait SpiBus {
    /// Change the configuration (the board may round the rate).
    fn configure(&mut self, _config: &SpiConfig) -> Result<(), HwError> {
        Ok(())
    }

    /// The clock rate actually used.
    fn frequency(&self) -> u32;

    /// Send `data`, ignoring what comes back.
    fn write(&mut self, data: &[u8]) -> Result<(), HwError>;

    /// Send `buf` and replace it with the bytes received (a read sends a fill byte).
    fn transfer_in_place(&mut self, buf: &mut [u8]) -> Result<(), HwError>;

    /// Send `write` while receiving into `read` (same length).
    fn transfer(&mut self, read: &mut [u8], write: &[u8]) -> Result<(), HwError>;
}

/// A serial port (UART).
pub trait SerialPort {
    /// Send bytes; returns how many were accepted.
    fn write(&mut self, data: &[u8]) -> Result<usize, HwError>;

    /// Take up to `buf.len()` received bytes without waiting (0 when none is waiting).
    fn read(&mut self, buf: &mut [u8]) -> Result<usize, HwError>;

    /// How many received bytes are waiting (at least 1 when some are, if the count is
    /// unknown).
    fn available(&mut self) -> usize;

    /// Change the baud rate.
    fn set_baudrate(&mut self, _baud: u32) -> Result<(), HwError> {
        Ok(())
    }

    /// Wait until everything written has been sent.
    fn flush(&mut self) -> Result<(), HwError> {
        Ok(())
    }
}

/// A PWM output on one pin.
pub trait PwmOut {
    /// Set the duty cycle, 0 (always low) to 65535 (always high).
    fn set_duty_u16(&mut self, duty: u16) -> Result<(), HwError>;

    /// Set the frequency in Hz.
    fn set_frequency(&mut self, _hz: u32) -> Result<(), HwError> {
        Err(HwError::Unsupported)
    }

    /// The frequency in Hz.
    fn frequency(&self) -> u32;
}

/// An analog input on one pin.
pub trait AnalogIn {
    /// A reading scaled to 0..=65535.
    fn read_u16(&mut self) -> Result<u16, HwError>;

    /// The voltage of a full-scale reading, in microvolts.
    fn reference_uv(&self) -> u32 {
        3_300_000
    }
}

/// A watchdog timer.
pub trait Watchdog {
    /// Start it: the board resets unless `feed` is called within `timeout_ms`.
    fn start(&mut self, timeout_ms: u32) -> Result<(), HwError>;

    /// Restart the countdown.
    fn feed(&mut self);
}

/// Why the board last reset (`machine.reset_cause()`, `microcontroller.cpu.reset_reason`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ResetCause {
    /// Power on.
    PowerOn,
    /// The reset pin.
    ResetPin,
    /// The watchdog.
    Watchdog,
    /// A software reset.
    Software,
    /// Wake from deep sleep.
    DeepSleep,
    /// Unknown.
    Unknown,
}

/// The pins of an SPI bus.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct SpiPins {
    /// Clock.
    pub sck: PinId,
    /// Controller out.
    pub mosi: Option<PinId>,
    /// Controller in.
    pub miso: Option<PinId>,
}

/// A board: its pins, buses and system functions.
///
/// Everything but the pin table and the clock has a default meaning "not on this board".
pub trait Board {
    /// `board.board_id` (circuitpython) and the banner's board name.
    fn board_id(&self) -> &str {
        "pyrite"
    }

    /// The number of pins (`PinId`s are `0..pin_count()`).
    fn pin_count(&self) -> usize;

    /// The MCU name of a pin (`GPIO5`): `microcontroller.pin.GPIO5`, `Pin('GPIO5')`.
    fn pin_name(&self, pin: PinId) -> Option<&str>;

    /// The `i`-th board name and the pin it names (`("D5", 5)`, `("LED", 13)`); several
    /// names may name one pin. `None` past the last one.
    fn board_name(&self, _i: usize) -> Option<(&str, PinId)> {
        None
    }

    /// The pin `machine.Pin(n)` names: by default pin `n` of the table; a board whose table
    /// is not in the MCU's order maps its pin numbers here.
    fn pin_by_number(&self, n: usize) -> Option<PinId> {
        (n < self.pin_count()).then_some(n as PinId)
    }

    /// A pin's digital interface.
    fn pin(&mut self, pin: PinId) -> Option<&mut dyn GpioPin>;

    /// I2C bus `id`.
    fn i2c(&mut self, _id: usize) -> Option<&mut dyn I2cBus> {
        None
    }

    /// The `(scl, sda)` pins of I2C bus `id`.
    fn i2c_pins(&self, _id: usize) -> Option<(PinId, PinId)> {
        None
    }

    /// SPI bus `id`.
    fn spi(&mut self, _id: usize) -> Option<&mut dyn SpiBus> {
        None
    }

    /// The pins of SPI bus `id`.
    fn spi_pins(&self, _id: usize) -> Option<SpiPins> {
        None
    }

    /// UART `id`.
    fn uart(&mut self, _id: usize) -> Option<&mut dyn SerialPort> {
        None
    }

    /// The `(tx, rx)` pins of UART `id`.
    fn uart_pins(&self, _id: usize) -> Option<(Option<PinId>, Option<PinId>)> {
        None
    }

    /// The PWM output on `pin`.
    fn pwm(&mut self, _pin: PinId) -> Option<&mut dyn PwmOut> {
        None
    }

    /// The analog input on `pin`.
    fn adc(&mut self, _pin: PinId) -> Option<&mut dyn AnalogIn> {
        None
    }

    /// The watchdog.
    fn watchdog(&mut self) -> Option<&mut dyn Watchdog> {
        None
    }

    /// Microseconds since some fixed point (monotonic).
    fn ticks_us(&mut self) -> u64;

    /// Wait `us` microseconds.
    fn delay_us(&mut self, us: u32);

    /// Wait for an interrupt or a short while (`machine.idle()`).
    fn idle(&mut self) {}

    /// Start timer `id`: after `period_us`, and every `period_us` if `periodic`, schedule
    /// [`timer_token`]`(id)` on the interpreter's signal.
    fn start_timer(&mut self, _id: u16, _period_us: u64, _periodic: bool) -> Result<(), HwError> {
        Err(HwError::Unsupported)
    }

    /// Stop timer `id`.
    fn stop_timer(&mut self, _id: u16) {}

    /// The chip's unique id (`machine.unique_id()`, `microcontroller.cpu.uid`).
    fn unique_id(&self) -> &[u8] {
        &[]
    }

    /// The CPU clock in Hz.
    fn cpu_frequency(&self) -> u32 {
        0
    }

    /// Change the CPU clock.
    fn set_cpu_frequency(&mut self, _hz: u32) -> Result<(), HwError> {
        Err(HwError::Unsupported)
    }

    /// The CPU temperature in °C, if the chip measures it.
    fn cpu_temperature(&mut self) -> Option<f64> {
        None
    }

    /// The CPU supply voltage, if the chip measures it.
    fn cpu_voltage(&mut self) -> Option<f64> {
        None
    }

    /// Why the board last reset.
    fn reset_cause(&self) -> ResetCause {
        ResetCause::PowerOn
    }

    /// Reset the board. On hardware this does not return; if it does, Python sees
    /// `SystemExit` (a soft reset).
    fn reset(&mut self) {}

    /// Non-volatile memory (`microcontroller.nvm`).
    fn nvm(&mut self) -> Option<&mut [u8]> {
        None
    }

    /// Seconds since 1970 of the real-time clock at start-up (`machine.RTC`).
    fn rtc_seconds(&mut self) -> i64 {
        0
    }
}
