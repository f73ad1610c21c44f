//! Simulated bus devices: a register map with a register pointer, scripted replies, and
//! rules that change registers when a given write happens.

use std::collections::{BTreeMap, VecDeque};

use super::config::DeviceConf;

/// One device on an I2C or SPI bus.
pub struct Device {
    pub address: u8,
    pub cs: Option<u16>,
    pub read_bit: u8,
    regs: BTreeMap<u8, u8>,
    on_write: Vec<(Vec<u8>, BTreeMap<u8, u8>)>,
    reads: VecDeque<Vec<u8>>,
    pointer: u8,
}

impl Device {
    pub fn new(c: &DeviceConf, cs: Option<u16>) -> Device {
        Device {
            address: c.address,
            cs,
            read_bit: c.read_bit,
            regs: c.registers.clone(),
            on_write: c.on_write.clone(),
            reads: c.reads.iter().cloned().collect(),
            pointer: 0,
        }
    }

    /// A write: the first byte sets the register pointer, the rest are stored from there.
    /// A rule whose bytes equal the write then updates registers.
    pub fn write(&mut self, data: &[u8]) {
        if let Some((&first, rest)) = data.split_first() {
            self.pointer = first;
            for (i, &b) in rest.iter().enumerate() {
                self.regs.insert(first.wrapping_add(i as u8), b);
            }
        }
        for (w, set) in &self.on_write {
            if w.as_slice() == data {
                for (&r, &v) in set {
                    self.regs.insert(r, v);
                }
            }
        }
    }

    /// A read: a scripted reply if one is queued, else registers from the pointer on.
    pub fn read(&mut self, buf: &mut [u8]) {
        if let Some(r) = self.reads.pop_front() {
            for (i, b) in buf.iter_mut().enumerate() {
                *b = r.get(i).copied().unwrap_or(0xff);
            }
            return;
        }
        for b in buf.iter_mut() {
            *b = self.regs.get(&self.pointer).copied().unwrap_or(0);
            self.pointer = self.pointer.wrapping_add(1);
        }
    }

    /// Set the pointer without writing (SPI read command).
    pub fn seek(&mut self, reg: u8) {
        self.pointer = reg;
    }

    /// Store one byte at the pointer and advance (SPI write data).
    pub fn put(&mut self, b: u8) {
        self.regs.insert(self.pointer, b);
        self.pointer = self.pointer.wrapping_add(1);
    }
}
