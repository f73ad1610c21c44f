//! The simulated board of the unix port: `pyrite --board sim.toml script.py`.
//!
//! Pins, I2C/SPI devices (register maps with scripted replies) and UARTs come from a TOML
//! file (`config`); every pin change and bus transaction is written to the board log
//! (`--board-log FILE`, `-` for stderr) so that tests can check the exact traffic. Pin
//! behaviours follow Blinka's OS_AGNOSTIC board (`input_true`, `input_toggle`, `output_true`,
//! fixed/sine/saw/random analog inputs). Wired pins, pin interrupts and timers reach Python
//! through the interpreter's signal.

pub mod config;
pub mod device;

use std::collections::VecDeque;
use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use pyrite::hal::board::{
    self as hb, AnalogIn, Board, Edges, GpioPin, HwError, I2cBus, I2cOp, PinId, PinMode, PwmOut,
    SerialPort, SpiBus, SpiConfig, SpiPins, Watchdog,
};
use pyrite::Signal;

use config::{Analog, Behaviour, BoardConf};
use device::Device;

/// Where the log goes.
pub type Log = Box<dyn Write + Send>;

fn hex(b: &[u8]) -> String {
    b.iter()
        .map(|x| format!("{x:02x}"))
        .collect::<Vec<_>>()
        .join(" ")
}

struct SimPin {
    name: String,
    label: String,
    behaviour: Behaviour,
    wire: Option<PinId>,
    mode: PinMode,
    pull: hb::Pull,
    /// What it drives (outputs).
    out: bool,
    /// What drives it from outside (a wired pin), if anything.
    ext: Option<bool>,
    toggle: bool,
    edges: Edges,
}

/// The pin operations: pin changes may drive a wired pin and raise its interrupt, so they
/// run on the whole pin table.
struct Pins {
    pins: Vec<SimPin>,
    log: Option<Log>,
    signal: &'static Signal,
    sel: PinId,
    /// Rising edges each pin has driven (an SPI chip select going high ends a transfer).
    rises: Vec<u32>,
}

impl Pins {
    fn log(&mut self, line: String) {
        if let Some(l) = self.log.as_mut() {
            let _ = writeln!(l, "{line}");
        }
    }

    /// The level on pin `i` as it stands (without Blinka's behaviours).
    fn level(&self, i: usize) -> bool {
        let p = &self.pins[i];
        match p.mode {
            PinMode::Output => p.out,
            PinMode::OpenDrain if !p.out => false,
            _ => p.ext.unwrap_or(p.pull == hb::Pull::Up),
        }
    }

    /// Propagate pin `i`'s level to the pin wired to it (and its interrupt).
    fn propagate(&mut self, i: usize) {
        let Some(j) = self.pins[i].wire.map(usize::from) else {
            return;
        };
        if j >= self.pins.len() {
            return;
        }
        let drives = matches!(self.pins[i].mode, PinMode::Output | PinMode::OpenDrain);
        let before = self.level(j);
        self.pins[j].ext = drives.then(|| self.level(i));
        let after = self.level(j);
        let e = self.pins[j].edges;
        if before != after && ((after && e.rising) || (!after && e.falling)) {
            self.signal.schedule(hb::pin_irq_token(j as PinId));
        }
    }
}

impl GpioPin for Pins {
    fn configure(&mut self, mode: PinMode, pull: hb::Pull) -> Result<(), HwError> {
        let i = self.sel as usize;
        let p = &mut self.pins[i];
        if p.mode != mode || p.pull != pull {
            p.mode = mode;
            p.pull = pull;
            let line = format!("pin {} mode {mode:?} pull {pull:?}", p.label);
            self.log(line);
            self.propagate(i);
        }
        Ok(())
    }

    fn read(&mut self) -> Result<bool, HwError> {
        let i = self.sel as usize;
        let level = self.level(i);
        let p = &mut self.pins[i];
        Ok(match p.behaviour {
            Behaviour::Io => level,
            Behaviour::InputTrue | Behaviour::OutputTrue => true,
            Behaviour::InputFalse => false,
            Behaviour::InputPull => p.pull == hb::Pull::Up,
            Behaviour::InputToggle => {
                p.toggle = !p.toggle;
                p.toggle
            }
        })
    }

    fn write(&mut self, high: bool) -> Result<(), HwError> {
        let i = self.sel as usize;
        let p = &mut self.pins[i];
        if high && !p.out {
            self.rises[i] += 1;
        }
        let p = &mut self.pins[i];
        p.out = high;
        let line = format!("pin {} = {}", p.label, high as u8);
        self.log(line);
        self.propagate(i);
        Ok(())
    }

    fn set_irq(&mut self, edges: Edges) -> Result<(), HwError> {
        let i = self.sel as usize;
        self.pins[i].edges = edges;
        Ok(())
    }

    fn release(&mut self) {
        let _ = self.configure(PinMode::Input, hb::Pull::None);
        let i = self.sel as usize;
        self.pins[i].edges = Edges::NONE;
    }
}

struct SimI2c {
    id: usize,
    pins: (PinId, PinId),
    devices: Vec<Device>,
    log: Vec<String>,
    frequency: u32,
}

impl I2cBus for SimI2c {
    fn transaction(&mut self, addr: u8, ops: &mut [I2cOp<'_>]) -> Result<(), HwError> {
        let Some(d) = self.devices.iter_mut().find(|d| d.address == addr) else {
            if !(ops.len() == 1 && matches!(&ops[0], I2cOp::Write(w) if w.is_empty())) {
                self.log.push(format!("i2c{} 0x{addr:02x} NACK", self.id));
            }
            return Err(HwError::AddressNack);
        };
        let mut parts = Vec::new();
        for op in ops.iter_mut() {
            match op {
                I2cOp::Write(w) => {
                    d.write(w);
                    parts.push(format!("write [{}]", hex(w)));
                }
                I2cOp::Read(r) => {
                    d.read(r);
                    parts.push(format!("read [{}]", hex(r)));
                }
            }
        }
        if !(parts.len() == 1 && parts[0] == "write []") {
            self.log
                .push(format!("i2c{} 0x{addr:02x} {}", self.id, parts.join(" ")));
        }
        Ok(())
    }

    fn set_frequency(&mut self, hz: u32) -> Result<(), HwError> {
        self.frequency = hz;
        Ok(())
    }
}

struct SimSpi {
    id: usize,
    pins: SpiPins,
    devices: Vec<Device>,
    /// Devices whose chip select is low now (copied from the pins before each use).
    selected: Vec<bool>,
    /// Per device: whether its command byte has arrived in this selection, and whether it
    /// reads.
    session: Vec<Option<bool>>,
    /// Per device: the chip select's rising-edge count when its session began.
    seen: Vec<u32>,
    config: SpiConfig,
    log: Vec<String>,
}

impl SimSpi {
    /// One byte on the bus: what comes back.
    fn exchange(&mut self, out: u8) -> u8 {
        let mut back = 0xff;
        for (k, d) in self.devices.iter_mut().enumerate() {
            if !self.selected[k] {
                self.session[k] = None;
                continue;
            }
            match self.session[k] {
                None => {
                    let read = out & d.read_bit != 0;
                    d.seek(out & !d.read_bit);
                    self.session[k] = Some(read);
                }
                Some(true) => {
                    let mut b = [0u8];
                    d.read(&mut b);
                    back = b[0];
                }
                Some(false) => d.put(out),
            }
        }
        back
    }
}

impl SpiBus for SimSpi {
    fn configure(&mut self, config: &SpiConfig) -> Result<(), HwError> {
        self.config = *config;
        self.log.push(format!(
            "spi{} configure baudrate={} polarity={} phase={} bits={}",
            self.id, config.baudrate, config.polarity, config.phase, config.bits
        ));
        Ok(())
    }

    fn frequency(&self) -> u32 {
        self.config.baudrate
    }

    fn write(&mut self, data: &[u8]) -> Result<(), HwError> {
        for &b in data {
            self.exchange(b);
        }
        self.log
            .push(format!("spi{} write [{}]", self.id, hex(data)));
        Ok(())
    }

    fn transfer_in_place(&mut self, buf: &mut [u8]) -> Result<(), HwError> {
        let out = buf.to_vec();
        for b in buf.iter_mut() {
            *b = self.exchange(*b);
        }
        self.log.push(format!(
            "spi{} transfer out [{}] in [{}]",
            self.id,
            hex(&out),
            hex(buf)
        ));
        Ok(())
    }

    fn transfer(&mut self, read: &mut [u8], write: &[u8]) -> Result<(), HwError> {
        for (r, &w) in read.iter_mut().zip(write) {
            *r = self.exchange(w);
        }
        self.log.push(format!(
            "spi{} transfer out [{}] in [{}]",
            self.id,
            hex(write),
            hex(read)
        ));
        Ok(())
    }
}

struct SimUart {
    id: usize,
    pins: (Option<PinId>, Option<PinId>),
    rx: VecDeque<u8>,
    loopback: bool,
    log: Vec<String>,
}

impl SerialPort for SimUart {
    fn write(&mut self, data: &[u8]) -> Result<usize, HwError> {
        self.log
            .push(format!("uart{} write [{}]", self.id, hex(data)));
        if self.loopback {
            self.rx.extend(data);
        }
        Ok(data.len())
    }

    fn read(&mut self, buf: &mut [u8]) -> Result<usize, HwError> {
        let mut n = 0;
        while n < buf.len() {
            match self.rx.pop_front() {
                Some(b) => buf[n] = b,
                None => break,
            }
            n += 1;
        }
        Ok(n)
    }

    fn available(&mut self) -> usize {
        self.rx.len()
    }

    fn set_baudrate(&mut self, baud: u32) -> Result<(), HwError> {
        self.log.push(format!("uart{} baudrate {baud}", self.id));
        Ok(())
    }
}

struct SimPwm {
    label: String,
    freq: u32,
    log: Vec<String>,
}

impl PwmOut for SimPwm {
    fn set_duty_u16(&mut self, duty: u16) -> Result<(), HwError> {
        self.log.push(format!("pwm {} duty_u16 {duty}", self.label));
        Ok(())
    }

    fn set_frequency(&mut self, hz: u32) -> Result<(), HwError> {
        if hz == 0 || hz > 62_500_000 {
            return Err(HwError::Unsupported);
        }
        self.freq = hz;
        self.log.push(format!("pwm {} freq {hz}", self.label));
        Ok(())
    }

    fn frequency(&self) -> u32 {
        self.freq
    }
}

struct SimAdc {
    kind: Analog,
    step: usize,
    seed: u32,
}

impl AnalogIn for SimAdc {
    fn read_u16(&mut self) -> Result<u16, HwError> {
        let i = self.step % 20;
        self.step += 1;
        Ok(match self.kind {
            Analog::Fixed(v) => v,
            Analog::Saw => (i as u32 * 65535 / 19) as u16,
            Analog::Sine => {
                let s = (2.0 * std::f64::consts::PI * i as f64 / 20.0).sin();
                (32767.5 + 32767.5 * s).round() as u16
            }
            Analog::Random => {
                self.seed ^= self.seed << 13;
                self.seed ^= self.seed >> 17;
                self.seed ^= self.seed << 5;
                (self.seed >> 16) as u16
            }
        })
    }
}

struct SimWatchdog {
    timeout_ms: u32,
    fed: Instant,
    log: Vec<String>,
}

impl Watchdog for SimWatchdog {
    fn start(&mut self, timeout_ms: u32) -> Result<(), HwError> {
        self.timeout_ms = timeout_ms;
        self.fed = Instant::now();
        self.log.push(format!("watchdog start {timeout_ms} ms"));
        Ok(())
    }

    fn feed(&mut self) {
        if self.fed.elapsed() > Duration::from_millis(self.timeout_ms as u64) {
            self.log.push("watchdog expired before feed".into());
        }
        self.fed = Instant::now();
        self.log.push("watchdog feed".into());
    }
}

/// The simulated board.
pub struct SimBoard {
    id: String,
    unique_id: Vec<u8>,
    cpu_frequency: u32,
    rtc: i64,
    nvm: Vec<u8>,
    pins: Pins,
    board_names: Vec<(String, PinId)>,
    i2c: Vec<SimI2c>,
    spi: Vec<SimSpi>,
    uart: Vec<SimUart>,
    pwm: Vec<Option<SimPwm>>,
    adc: Vec<Option<SimAdc>>,
    watchdog: SimWatchdog,
    timers: Vec<(u16, Arc<AtomicBool>)>,
    start: Instant,
}

impl SimBoard {
    /// Build the board a description file gives. `signal` must be the one attached to the
    /// interpreter (pin interrupts and timers are scheduled on it).
    pub fn new(
        c: &BoardConf,
        log: Option<Log>,
        signal: &'static Signal,
    ) -> Result<SimBoard, String> {
        let find = |n: &str| -> Result<PinId, String> {
            c.pins
                .iter()
                .position(|p| p.name == n || p.board.iter().any(|b| b == n))
                .map(|i| i as PinId)
                .ok_or_else(|| format!("no pin named {n:?}"))
        };
        let opt = |n: &Option<String>| n.as_deref().map(find).transpose();
        let mut pins = Vec::new();
        let mut board_names = Vec::new();
        let mut pwm = Vec::new();
        let mut adc = Vec::new();
        for (i, p) in c.pins.iter().enumerate() {
            for b in &p.board {
                board_names.push((b.clone(), i as PinId));
            }
            let label = p.board.first().cloned().unwrap_or_else(|| p.name.clone());
            pins.push(SimPin {
                name: p.name.clone(),
                label: label.clone(),
                behaviour: p.behaviour,
                wire: opt(&p.wire)?,
                mode: PinMode::Input,
                pull: hb::Pull::None,
                out: false,
                ext: None,
                toggle: false,
                edges: Edges::NONE,
            });
            pwm.push(p.pwm.then(|| SimPwm {
                label: label.clone(),
                freq: 500,
                log: Vec::new(),
            }));
            adc.push(p.analog.map(|kind| SimAdc {
                kind,
                step: 0,
                seed: 0x2545_f491 ^ i as u32,
            }));
        }
        // Wires go both ways.
        for i in 0..pins.len() {
            if let Some(j) = pins[i].wire {
                if let Some(q) = pins.get_mut(j as usize) {
                    q.wire.get_or_insert(i as PinId);
                }
            }
        }
        let mut i2c = Vec::new();
        for (id, b) in c.i2c.iter().enumerate() {
            let scl = find(b.pins[0].as_deref().ok_or("[[i2c]]: missing scl")?)?;
            let sda = find(b.pins[1].as_deref().ok_or("[[i2c]]: missing sda")?)?;
            i2c.push(SimI2c {
                id,
                pins: (scl, sda),
                devices: b.devices.iter().map(|d| Device::new(d, None)).collect(),
                log: Vec::new(),
                frequency: 100_000,
            });
        }
        let mut spi = Vec::new();
        for (id, b) in c.spi.iter().enumerate() {
            let sck = find(b.pins[0].as_deref().ok_or("[[spi]]: missing sck")?)?;
            let mut devices = Vec::new();
            for d in &b.devices {
                devices.push(Device::new(d, opt(&d.cs)?));
            }
            let n = devices.len();
            spi.push(SimSpi {
                id,
                pins: SpiPins {
                    sck,
                    mosi: opt(&b.pins[1])?,
                    miso: opt(&b.pins[2])?,
                },
                devices,
                selected: vec![false; n],
                session: vec![None; n],
                seen: vec![0; n],
                config: SpiConfig {
                    baudrate: 1_000_000,
                    polarity: 0,
                    phase: 0,
                    bits: 8,
                    lsb_first: false,
                },
                log: Vec::new(),
            });
        }
        let mut uart = Vec::new();
        for (id, b) in c.uart.iter().enumerate() {
            uart.push(SimUart {
                id,
                pins: (opt(&b.pins[0])?, opt(&b.pins[1])?),
                rx: b.rx_data.iter().copied().collect(),
                loopback: b.loopback,
                log: Vec::new(),
            });
        }
        let mut nvm = vec![0u8; c.nvm_size];
        nvm.fill(0xff);
        Ok(SimBoard {
            id: c.id.clone(),
            unique_id: c.unique_id.clone(),
            cpu_frequency: c.cpu_frequency,
            rtc: c.rtc,
            nvm,
            pins: Pins {
                pins,
                log,
                signal,
                sel: 0,
                rises: vec![0; c.pins.len()],
            },
            board_names,
            i2c,
            spi,
            uart,
            pwm,
            adc,
            watchdog: SimWatchdog {
                timeout_ms: 0,
                fed: Instant::now(),
                log: Vec::new(),
            },
            timers: Vec::new(),
            start: Instant::now(),
        })
    }

    /// Move the lines the peripherals logged into the log, in order.
    fn flush_logs(&mut self) {
        let mut lines = Vec::new();
        lines.append(&mut self.watchdog.log);
        for b in &mut self.i2c {
            lines.append(&mut b.log);
        }
        for b in &mut self.spi {
            lines.append(&mut b.log);
        }
        for b in &mut self.uart {
            lines.append(&mut b.log);
        }
        for p in self.pwm.iter_mut().flatten() {
            lines.append(&mut p.log);
        }
        for l in lines {
            self.pins.log(l);
        }
        if let Some(l) = self.pins.log.as_mut() {
            let _ = l.flush();
        }
    }
}

impl Board for SimBoard {
    fn board_id(&self) -> &str {
        &self.id
    }

    fn pin_count(&self) -> usize {
        self.pins.pins.len()
    }

    fn pin_name(&self, pin: PinId) -> Option<&str> {
        self.pins.pins.get(pin as usize).map(|p| p.name.as_str())
    }

    fn board_name(&self, i: usize) -> Option<(&str, PinId)> {
        self.board_names.get(i).map(|(n, p)| (n.as_str(), *p))
    }

    /// `Pin(n)` is the pin called `GPIO<n>`, else pin `n` of the table.
    fn pin_by_number(&self, n: usize) -> Option<PinId> {
        let name = format!("GPIO{n}");
        match self.pins.pins.iter().position(|p| p.name == name) {
            Some(i) => Some(i as PinId),
            None => (n < self.pins.pins.len()).then_some(n as PinId),
        }
    }

    fn pin(&mut self, pin: PinId) -> Option<&mut dyn GpioPin> {
        self.flush_logs();
        if (pin as usize) < self.pins.pins.len() {
            self.pins.sel = pin;
            Some(&mut self.pins)
        } else {
            None
        }
    }

    fn i2c(&mut self, id: usize) -> Option<&mut dyn I2cBus> {
        self.flush_logs();
        self.i2c.get_mut(id).map(|b| b as &mut dyn I2cBus)
    }

    fn i2c_pins(&self, id: usize) -> Option<(PinId, PinId)> {
        self.i2c.get(id).map(|b| b.pins)
    }

    fn spi(&mut self, id: usize) -> Option<&mut dyn SpiBus> {
        self.flush_logs();
        let levels: Vec<bool> = (0..self.pins.pins.len())
            .map(|i| self.pins.level(i))
            .collect();
        let b = self.spi.get_mut(id)?;
        for (k, d) in b.devices.iter().enumerate() {
            let sel =
                d.cs.is_some_and(|cs| !levels.get(cs as usize).copied().unwrap_or(true));
            let rises =
                d.cs.and_then(|cs| self.pins.rises.get(cs as usize))
                    .copied();
            if !sel || rises != Some(b.seen[k]) {
                b.session[k] = None;
                b.seen[k] = rises.unwrap_or(0);
            }
            b.selected[k] = sel;
        }
        Some(b)
    }

    fn spi_pins(&self, id: usize) -> Option<SpiPins> {
        self.spi.get(id).map(|b| b.pins)
    }

    fn uart(&mut self, id: usize) -> Option<&mut dyn SerialPort> {
        self.flush_logs();
        self.uart.get_mut(id).map(|b| b as &mut dyn SerialPort)
    }

    fn uart_pins(&self, id: usize) -> Option<(Option<PinId>, Option<PinId>)> {
        self.uart.get(id).map(|b| b.pins)
    }

    fn pwm(&mut self, pin: PinId) -> Option<&mut dyn PwmOut> {
        self.flush_logs();
        self.pwm
            .get_mut(pin as usize)?
            .as_mut()
            .map(|p| p as &mut dyn PwmOut)
    }

    fn adc(&mut self, pin: PinId) -> Option<&mut dyn AnalogIn> {
        self.adc
            .get_mut(pin as usize)?
            .as_mut()
            .map(|p| p as &mut dyn AnalogIn)
    }

    fn watchdog(&mut self) -> Option<&mut dyn Watchdog> {
        self.flush_logs();
        Some(&mut self.watchdog)
    }

    fn ticks_us(&mut self) -> u64 {
        self.flush_logs();
        self.start.elapsed().as_micros() as u64
    }

    fn delay_us(&mut self, us: u32) {
        self.flush_logs();
        std::thread::sleep(Duration::from_micros(us as u64));
    }

    fn idle(&mut self) {
        self.flush_logs();
        std::thread::sleep(Duration::from_micros(200));
    }

    fn start_timer(&mut self, id: u16, period_us: u64, periodic: bool) -> Result<(), HwError> {
        self.stop_timer(id);
        let stop = Arc::new(AtomicBool::new(false));
        self.timers.push((id, stop.clone()));
        let signal = self.pins.signal;
        let period = Duration::from_micros(period_us.max(100));
        std::thread::spawn(move || loop {
            std::thread::sleep(period);
            if stop.load(Ordering::Acquire) {
                return;
            }
            signal.schedule(hb::timer_token(id));
            if !periodic {
                return;
            }
        });
        Ok(())
    }

    fn stop_timer(&mut self, id: u16) {
        self.timers.retain(|(t, stop)| {
            if *t == id {
                stop.store(true, Ordering::Release);
            }
            *t != id
        });
    }

    fn unique_id(&self) -> &[u8] {
        &self.unique_id
    }

    fn cpu_frequency(&self) -> u32 {
        self.cpu_frequency
    }

    fn set_cpu_frequency(&mut self, hz: u32) -> Result<(), HwError> {
        if !(10_000_000..=250_000_000).contains(&hz) {
            return Err(HwError::Unsupported);
        }
        self.cpu_frequency = hz;
        Ok(())
    }

    fn cpu_temperature(&mut self) -> Option<f64> {
        Some(25.0)
    }

    fn cpu_voltage(&mut self) -> Option<f64> {
        Some(3.3)
    }

    fn reset(&mut self) {
        self.pins.log("reset".into());
        self.flush_logs();
    }

    fn nvm(&mut self) -> Option<&mut [u8]> {
        if self.nvm.is_empty() {
            None
        } else {
            Some(&mut self.nvm)
        }
    }

    fn rtc_seconds(&mut self) -> i64 {
        self.rtc
    }
}

impl Drop for SimBoard {
    fn drop(&mut self) {
        for (_, stop) in &self.timers {
            stop.store(true, Ordering::Release);
        }
        self.flush_logs();
    }
}
