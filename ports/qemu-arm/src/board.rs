//! The board: sixteen GPIO pins wired to nothing.
//!
//! QEMU's mps2-an385 models no GPIO a program can see from outside, so each pin is a latch: an
//! output reads back the level it drives, an input reads its pull (low when floating). That is
//! enough for driver code to import, configure pins and toggle them (`machine.Pin`, `board`,
//! `digitalio`). A pin's edge interrupt fires when its own level changes (the pin drives
//! itself, or its pull changes): the edge is queued on the interpreter's signal, as an
//! interrupt handler would, and the Python handler runs at the next safepoint. Timers (`machine.Timer`) run on SysTick (`clock`).

use pyrite::hal::board::{pin_irq_token, Edges, GpioPin, HwError, PinId, PinMode, Pull};
use pyrite::hal::Board;

use crate::clock;

const PINS: usize = 16;

const PIN_NAMES: [&str; PINS] = [
    "GPIO0", "GPIO1", "GPIO2", "GPIO3", "GPIO4", "GPIO5", "GPIO6", "GPIO7", "GPIO8", "GPIO9",
    "GPIO10", "GPIO11", "GPIO12", "GPIO13", "GPIO14", "GPIO15",
];

const BOARD_NAMES: [(&str, PinId); PINS + 2] = [
    ("D0", 0),
    ("D1", 1),
    ("D2", 2),
    ("D3", 3),
    ("D4", 4),
    ("D5", 5),
    ("D6", 6),
    ("D7", 7),
    ("D8", 8),
    ("D9", 9),
    ("D10", 10),
    ("D11", 11),
    ("D12", 12),
    ("D13", 13),
    ("D14", 14),
    ("D15", 15),
    ("LED", 13),
    ("BUTTON", 14),
];

/// One latch.
#[derive(Clone, Copy)]
struct Latch {
    id: PinId,
    mode: PinMode,
    pull: Pull,
    level: bool,
    irq: Edges,
}

impl Latch {
    /// The level on the pin.
    fn sense(&self) -> bool {
        match self.mode {
            PinMode::Output => self.level,
            // Released high with nothing pulling it low: reads its pull.
            PinMode::OpenDrain if self.level => self.pull == Pull::Up,
            PinMode::OpenDrain => false,
            PinMode::Input => self.pull == Pull::Up,
        }
    }

    /// Change the pin by `f`, raising its edge interrupt if the level changed.
    fn change(&mut self, f: impl FnOnce(&mut Latch)) {
        let before = self.sense();
        f(self);
        let after = self.sense();
        if (after && !before && self.irq.rising) || (before && !after && self.irq.falling) {
            clock::SIGNAL.schedule(pin_irq_token(self.id));
        }
    }
}

impl GpioPin for Latch {
    fn configure(&mut self, mode: PinMode, pull: Pull) -> Result<(), HwError> {
        self.change(|l| {
            l.mode = mode;
            l.pull = pull;
        });
        Ok(())
    }

    fn read(&mut self) -> Result<bool, HwError> {
        Ok(self.sense())
    }

    fn write(&mut self, high: bool) -> Result<(), HwError> {
        self.change(|l| l.level = high);
        Ok(())
    }

    fn set_irq(&mut self, edges: Edges) -> Result<(), HwError> {
        self.irq = edges;
        Ok(())
    }

    fn release(&mut self) {
        self.irq = Edges::NONE;
        let _ = self.configure(PinMode::Input, Pull::None);
    }
}

/// The emulated board.
pub struct Mps2 {
    pins: [Latch; PINS],
}

impl Mps2 {
    /// Every pin an input without pull, driving low when made an output.
    pub const fn new() -> Mps2 {
        let mut pins = [Latch {
            id: 0,
            mode: PinMode::Input,
            pull: Pull::None,
            level: false,
            irq: Edges::NONE,
        }; PINS];
        let mut i = 0;
        while i < PINS {
            pins[i].id = i as PinId;
            i += 1;
        }
        Mps2 { pins }
    }
}

impl Board for Mps2 {
    fn board_id(&self) -> &str {
        "mps2_an385"
    }

    fn pin_count(&self) -> usize {
        PINS
    }

    fn pin_name(&self, pin: PinId) -> Option<&str> {
        PIN_NAMES.get(pin as usize).copied()
    }

    fn board_name(&self, i: usize) -> Option<(&str, PinId)> {
        BOARD_NAMES.get(i).copied()
    }

    fn pin(&mut self, pin: PinId) -> Option<&mut dyn GpioPin> {
        self.pins
            .get_mut(pin as usize)
            .map(|p| p as &mut dyn GpioPin)
    }

    fn ticks_us(&mut self) -> u64 {
        clock::now_ns() / 1000
    }

    fn delay_us(&mut self, us: u32) {
        clock::sleep_ns(us as u64 * 1000);
    }

    fn idle(&mut self) {
        cortex_m::asm::wfi();
    }

    fn start_timer(&mut self, id: u16, period_us: u64, periodic: bool) -> Result<(), HwError> {
        clock::start_timer(id, period_us, periodic)
    }

    fn stop_timer(&mut self, id: u16) {
        clock::stop_timer(id);
    }

    fn unique_id(&self) -> &[u8] {
        b"\x41\x4e\x33\x38\x35\x00"
    }

    fn cpu_frequency(&self) -> u32 {
        clock::CPU_HZ
    }
}
