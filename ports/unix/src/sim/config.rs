//! The simulated board's description file (TOML), read into plain structs.
//!
//! ```toml
//! [board]
//! id = "pyrite_sim"                  # board.board_id
//! unique_id = [0x50, 0x59, 0x52]     # machine.unique_id(), microcontroller.cpu.uid
//! cpu_frequency = 125_000_000
//! rtc = 1_700_000_000                # RTC seconds since 1970 at start-up
//! nvm_size = 64                      # bytes of microcontroller.nvm
//!
//! [[pin]]                            # pins in id order
//! name = "GPIO13"                    # MCU name
//! board = ["D13", "LED"]             # board names (board.D13, Pin('LED'))
//! behaviour = "io"                   # io | input_true | input_false | input_toggle |
//!                                    # input_pull | output_true  (Blinka's OS_AGNOSTIC pins)
//! wire = "GPIO14"                    # wired to another pin: driving one drives the other
//! analog = 31415                     # an ADC: a fixed value, or "sine" | "saw" | "random"
//! pwm = true                         # a PWM output
//!
//! [[i2c]]
//! scl = "GPIO5"
//! sda = "GPIO4"
//! [[i2c.device]]
//! address = 0x77
//! registers = { 0xD0 = 0x55, 0xAA = [0x1B, 0xCB] }   # register -> byte or consecutive bytes
//! on_write = [ { write = [0xF4, 0x2E], set = { 0xF6 = [0x6C, 0xFA] } } ]
//! reads = [[0x01, 0x02]]             # raw replies served first, in order
//!
//! [[spi]]
//! sck = "GPIO18"
//! mosi = "GPIO19"
//! miso = "GPIO16"
//! [[spi.device]]
//! cs = "GPIO17"                      # selected while this pin is low
//! read_bit = 0x80                    # command byte: register | read_bit to read
//! registers = { 0xD0 = 0x60 }
//!
//! [[uart]]
//! tx = "GPIO0"
//! rx = "GPIO1"
//! rx_data = "hello\n"                # bytes waiting to be read (a string or a list of ints)
//! loopback = false                   # bytes written come back
//! ```

use std::collections::BTreeMap;

use toml::{Table, Value};

/// What a pin does when read.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Behaviour {
    /// An ordinary pin: reads what it drives, what drives it, or its pull.
    Io,
    /// Always reads high.
    InputTrue,
    /// Always reads low.
    InputFalse,
    /// Reads alternately high and low (starting high).
    InputToggle,
    /// Reads its pull (up: high; down or none: low).
    InputPull,
    /// Reads high whatever it drives (Blinka's `Dx_OUTPUT`).
    OutputTrue,
}

/// An analog input.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Analog {
    /// A fixed reading.
    Fixed(u16),
    /// A 20-step sine wave.
    Sine,
    /// A 20-step sawtooth.
    Saw,
    /// Pseudo-random readings (a fixed seed: runs are reproducible).
    Random,
}

/// A pin.
#[derive(Clone, Debug)]
pub struct PinConf {
    pub name: String,
    pub board: Vec<String>,
    pub behaviour: Behaviour,
    pub wire: Option<String>,
    pub analog: Option<Analog>,
    pub pwm: bool,
}

/// A device's register map and scripted replies.
#[derive(Clone, Debug, Default)]
pub struct DeviceConf {
    pub address: u8,
    pub cs: Option<String>,
    pub read_bit: u8,
    pub registers: BTreeMap<u8, u8>,
    pub on_write: Vec<(Vec<u8>, BTreeMap<u8, u8>)>,
    pub reads: Vec<Vec<u8>>,
}

/// A bus and its devices.
#[derive(Clone, Debug, Default)]
pub struct BusConf {
    pub pins: Vec<Option<String>>,
    pub devices: Vec<DeviceConf>,
    pub rx_data: Vec<u8>,
    pub loopback: bool,
}

/// The whole board.
#[derive(Clone, Debug)]
pub struct BoardConf {
    pub id: String,
    pub unique_id: Vec<u8>,
    pub cpu_frequency: u32,
    pub rtc: i64,
    pub nvm_size: usize,
    pub pins: Vec<PinConf>,
    pub i2c: Vec<BusConf>,
    pub spi: Vec<BusConf>,
    pub uart: Vec<BusConf>,
}

fn int(v: &Value, what: &str) -> Result<i64, String> {
    v.as_integer()
        .ok_or_else(|| format!("{what}: expected an integer"))
}

fn byte(v: &Value, what: &str) -> Result<u8, String> {
    let i = int(v, what)?;
    u8::try_from(i).map_err(|_| format!("{what}: {i} is not a byte"))
}

fn bytes(v: &Value, what: &str) -> Result<Vec<u8>, String> {
    match v {
        Value::String(s) => Ok(s.as_bytes().to_vec()),
        Value::Array(a) => a.iter().map(|x| byte(x, what)).collect(),
        _ => Ok(vec![byte(v, what)?]),
    }
}

/// A register key: `0xD0` (a bare key), `"0xD0"` or `"208"`.
fn reg_key(k: &str) -> Result<u8, String> {
    let r = if let Some(h) = k.strip_prefix("0x").or_else(|| k.strip_prefix("0X")) {
        u8::from_str_radix(h, 16)
    } else {
        k.parse::<u8>()
    };
    r.map_err(|_| format!("register {k:?} is not a byte"))
}

fn registers(v: Option<&Value>) -> Result<BTreeMap<u8, u8>, String> {
    let mut out = BTreeMap::new();
    let Some(v) = v else { return Ok(out) };
    let t = v.as_table().ok_or("registers: expected a table")?;
    for (k, v) in t {
        let r = reg_key(k)?;
        for (i, b) in bytes(v, "register value")?.into_iter().enumerate() {
            out.insert(r.wrapping_add(i as u8), b);
        }
    }
    Ok(out)
}

fn string(t: &Table, k: &str) -> Option<String> {
    t.get(k).and_then(|v| v.as_str()).map(String::from)
}

fn device(t: &Table) -> Result<DeviceConf, String> {
    let mut d = DeviceConf {
        address: t
            .get("address")
            .map(|v| byte(v, "address"))
            .transpose()?
            .unwrap_or(0),
        cs: string(t, "cs"),
        read_bit: t
            .get("read_bit")
            .map(|v| byte(v, "read_bit"))
            .transpose()?
            .unwrap_or(0x80),
        registers: registers(t.get("registers"))?,
        ..DeviceConf::default()
    };
    if let Some(a) = t.get("on_write").and_then(|v| v.as_array()) {
        for rule in a {
            let r = rule.as_table().ok_or("on_write: expected tables")?;
            let w = bytes(r.get("write").ok_or("on_write: missing write")?, "write")?;
            d.on_write.push((w, registers(r.get("set"))?));
        }
    }
    if let Some(a) = t.get("reads").and_then(|v| v.as_array()) {
        for r in a {
            d.reads.push(bytes(r, "reads")?);
        }
    }
    Ok(d)
}

fn buses(root: &Table, key: &str, pin_keys: &[&str]) -> Result<Vec<BusConf>, String> {
    let mut out = Vec::new();
    let Some(a) = root.get(key).and_then(|v| v.as_array()) else {
        return Ok(out);
    };
    for b in a {
        let t = b
            .as_table()
            .ok_or_else(|| format!("[[{key}]]: expected a table"))?;
        let mut bus = BusConf {
            pins: pin_keys.iter().map(|k| string(t, k)).collect(),
            loopback: t.get("loopback").and_then(|v| v.as_bool()).unwrap_or(false),
            ..BusConf::default()
        };
        if let Some(rx) = t.get("rx_data") {
            bus.rx_data = bytes(rx, "rx_data")?;
        }
        if let Some(devs) = t.get("device").and_then(|v| v.as_array()) {
            for d in devs {
                bus.devices
                    .push(device(d.as_table().ok_or("device: expected a table")?)?);
            }
        }
        out.push(bus);
    }
    Ok(out)
}

/// Parse a board description.
pub fn parse(text: &str) -> Result<BoardConf, String> {
    let root: Table = text.parse().map_err(|e: toml::de::Error| e.to_string())?;
    let empty = Table::new();
    let b = root
        .get("board")
        .and_then(|v| v.as_table())
        .unwrap_or(&empty);
    let mut pins = Vec::new();
    if let Some(a) = root.get("pin").and_then(|v| v.as_array()) {
        for p in a {
            let t = p.as_table().ok_or("[[pin]]: expected a table")?;
            let name = string(t, "name").ok_or("[[pin]]: missing name")?;
            let behaviour = match string(t, "behaviour").as_deref().unwrap_or("io") {
                "io" => Behaviour::Io,
                "input_true" => Behaviour::InputTrue,
                "input_false" => Behaviour::InputFalse,
                "input_toggle" => Behaviour::InputToggle,
                "input_pull" => Behaviour::InputPull,
                "output_true" => Behaviour::OutputTrue,
                other => return Err(format!("pin {name}: unknown behaviour {other:?}")),
            };
            let analog = match t.get("analog") {
                None => None,
                Some(Value::String(s)) => Some(match s.as_str() {
                    "sine" => Analog::Sine,
                    "saw" => Analog::Saw,
                    "random" => Analog::Random,
                    other => return Err(format!("pin {name}: unknown analog {other:?}")),
                }),
                Some(v) => Some(Analog::Fixed(
                    u16::try_from(int(v, "analog")?).map_err(|_| "analog: 0..65535")?,
                )),
            };
            let board = match t.get("board") {
                Some(Value::Array(a)) => a
                    .iter()
                    .filter_map(|v| v.as_str().map(String::from))
                    .collect(),
                Some(Value::String(s)) => vec![s.clone()],
                _ => Vec::new(),
            };
            pins.push(PinConf {
                name,
                board,
                behaviour,
                wire: string(t, "wire"),
                analog,
                pwm: t.get("pwm").and_then(|v| v.as_bool()).unwrap_or(false),
            });
        }
    }
    Ok(BoardConf {
        id: string(b, "id").unwrap_or_else(|| "pyrite_sim".into()),
        unique_id: match b.get("unique_id") {
            Some(v) => bytes(v, "unique_id")?,
            None => b"PYRITE".to_vec(),
        },
        cpu_frequency: b
            .get("cpu_frequency")
            .map(|v| int(v, "cpu_frequency"))
            .transpose()?
            .unwrap_or(125_000_000) as u32,
        rtc: b
            .get("rtc")
            .map(|v| int(v, "rtc"))
            .transpose()?
            .unwrap_or(0),
        nvm_size: b
            .get("nvm_size")
            .map(|v| int(v, "nvm_size"))
            .transpose()?
            .unwrap_or(0) as usize,
        pins,
        i2c: buses(&root, "i2c", &["scl", "sda"])?,
        spi: buses(&root, "spi", &["sck", "mosi", "miso"])?,
        uart: buses(&root, "uart", &["tx", "rx"])?,
    })
}
