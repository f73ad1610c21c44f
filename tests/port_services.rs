//! The port services the standard modules use (`Hal`'s clock, entropy and filesystem), seen
//! from ports that lack them and from a small in-memory port: a port without a clock has no
//! `time`, one without a filesystem raises `OSError(ENODEV)`, and a file object that is
//! never closed is closed by the collector or when the interpreter is dropped.

use std::collections::BTreeMap;

use pyrite::{errno, Config, Errno, Fd, Hal, Interpreter, OpenOptions, Whence};

/// A port with only a console.
#[derive(Default)]
struct Bare {
    out: String,
}

impl Hal for Bare {
    fn write_out(&mut self, bytes: &[u8]) {
        self.out.push_str(&String::from_utf8_lossy(bytes));
    }
}

fn run(hal: &mut (dyn Hal + Send), src: &str) {
    let mut py = Interpreter::with_heap_size(256 * 1024, hal, Config::default()).unwrap();
    if let Err(e) = py.exec(src) {
        panic!("{src}: {e:?}");
    }
}

#[test]
fn a_port_without_services_raises() {
    let mut hal = Bare::default();
    run(
        &mut hal,
        "\
try:
    import time
except ImportError as e:
    print('ImportError', e)
import os, io
for f in (lambda: open('x'), lambda: os.listdir(), lambda: os.stat('x'), lambda: os.mkdir('d'),
          lambda: os.getcwd(), lambda: os.urandom(4)):
    try:
        f()
    except OSError as e:
        print(e.errno)
print(os.getenv('HOME'), os.sep)
s = io.StringIO('memory streams need no port')
print(s.read())
try:
    import asyncio
except ImportError as e:
    print('asyncio', e)
",
    );
    assert_eq!(
        hal.out,
        "ImportError no module named 'time'\n19\n19\n19\n19\n19\n19\nNone /\n\
         memory streams need no port\nasyncio no module named 'time'\n"
    );
}

/// An in-memory filesystem with a fake clock, counting opens and closes.
#[derive(Default)]
struct MemPort {
    out: String,
    files: BTreeMap<String, Vec<u8>>,
    open: BTreeMap<Fd, (String, usize, bool)>,
    next_fd: Fd,
    closes: usize,
    now_ns: u64,
}

impl Hal for MemPort {
    fn write_out(&mut self, bytes: &[u8]) {
        self.out.push_str(&String::from_utf8_lossy(bytes));
    }
    fn monotonic_ns(&mut self) -> Option<u64> {
        self.now_ns += 1_000;
        Some(self.now_ns)
    }
    fn sleep_ns(&mut self, ns: u64) {
        self.now_ns += ns;
    }
    fn random_bytes(&mut self, buf: &mut [u8]) -> Result<(), Errno> {
        buf.fill(7);
        Ok(())
    }
    fn open(&mut self, path: &str, how: OpenOptions) -> Result<Fd, Errno> {
        if !self.files.contains_key(path) {
            if !how.create {
                return Err(errno::ENOENT);
            }
            self.files.insert(path.into(), Vec::new());
        } else if how.exclusive {
            return Err(errno::EEXIST);
        }
        if how.truncate {
            self.files.insert(path.into(), Vec::new());
        }
        self.next_fd += 1;
        self.open.insert(self.next_fd, (path.into(), 0, how.append));
        Ok(self.next_fd)
    }
    fn read(&mut self, fd: Fd, buf: &mut [u8]) -> Result<usize, Errno> {
        let (path, pos, _) = self.open.get_mut(&fd).ok_or(errno::EBADF)?;
        let data = &self.files[path.as_str()];
        let n = buf.len().min(data.len().saturating_sub(*pos));
        buf[..n].copy_from_slice(&data[*pos..*pos + n]);
        *pos += n;
        Ok(n)
    }
    fn write(&mut self, fd: Fd, buf: &[u8]) -> Result<usize, Errno> {
        let (path, pos, append) = self.open.get_mut(&fd).ok_or(errno::EBADF)?;
        let data = self.files.get_mut(path.as_str()).ok_or(errno::EIO)?;
        if *append {
            *pos = data.len();
        }
        if data.len() < *pos + buf.len() {
            data.resize(*pos + buf.len(), 0);
        }
        data[*pos..*pos + buf.len()].copy_from_slice(buf);
        *pos += buf.len();
        Ok(buf.len())
    }
    fn seek(&mut self, fd: Fd, offset: i64, whence: Whence) -> Result<u64, Errno> {
        let (path, pos, _) = self.open.get_mut(&fd).ok_or(errno::EBADF)?;
        let base = match whence {
            Whence::Start => 0,
            Whence::Current => *pos as i64,
            Whence::End => self.files[path.as_str()].len() as i64,
        };
        let new = base + offset;
        if new < 0 {
            return Err(errno::EINVAL);
        }
        *pos = new as usize;
        Ok(new as u64)
    }
    fn close(&mut self, fd: Fd) -> Result<(), Errno> {
        self.open.remove(&fd).ok_or(errno::EBADF)?;
        self.closes += 1;
        Ok(())
    }
}

#[test]
fn files_and_clock_through_a_memory_port() {
    let mut port = MemPort::default();
    {
        let mut py = Interpreter::with_heap_size(256 * 1024, &mut port, Config::default()).unwrap();
        py.exec(
            "\
import time, os
with open('a.txt', 'w') as f:
    f.write('one\\ntwo\\n')
with open('a.txt', 'a') as f:
    f.write('three')
print(open('a.txt').readlines())
print(os.urandom(3))
t = time.ticks_ms()
time.sleep(2)
print(time.ticks_diff(time.ticks_ms(), t) >= 2000)
import asyncio
async def main():
    await asyncio.sleep(1)
    return 'slept'
print(asyncio.run(main()))
",
        )
        .unwrap();
        // The file opened by readlines() above was never closed: the collector closes it.
        py.collect();
        // Two files stay open until the interpreter is dropped.
        py.exec("f = open('a.txt')\ng = open('a.txt', 'rb')\nprint(g.read(3))")
            .unwrap();
    }
    assert_eq!(
        port.out,
        "['one\\n', 'two\\n', 'three']\nb'\\x07\\x07\\x07'\nTrue\nslept\nb'one'\n"
    );
    assert!(port.open.is_empty(), "files left open: {:?}", port.open);
    assert_eq!(port.closes, 5);
}
