//! The operating-system services of a hosted port, over the standard library: the clock, the
//! entropy source, files and directories, the environment. The `pyrite` binary's `UnixHal`
//! uses them, and so does the golden-test harness's `TestHal` (which includes this file), so
//! both runs of a test script see the same filesystem behaviour.
//!
//! [`HostServices`] may keep its own current directory (`with_cwd`): relative paths are then
//! resolved against it instead of the process's, so interpreters running in parallel threads
//! of one process (the in-process golden tests) each have their own.

#![allow(dead_code)]

use std::collections::HashMap;
use std::fs::File;
use std::io::{Read, Seek, SeekFrom, Write};
use std::os::unix::fs::{DirEntryExt, MetadataExt};
use std::os::unix::io::AsRawFd;
use std::path::{Path, PathBuf};

use pyrite::{errno, Errno, Fd, Metadata, OpenOptions, PathKind, Whence};

/// Files, clock, randomness and environment for a hosted port.
pub struct HostServices {
    /// Open files by handle (the OS file descriptor).
    files: HashMap<Fd, File>,
    /// The monotonic clock's zero.
    start: std::time::Instant,
    /// A current directory of our own, or `None` for the process's.
    cwd: Option<PathBuf>,
}

/// The errno of an I/O error (EIO when the OS gave none).
fn errno_of(e: &std::io::Error) -> Errno {
    e.raw_os_error().unwrap_or(errno::EIO)
}

impl HostServices {
    /// Services that use the process's current directory.
    pub fn new() -> HostServices {
        HostServices {
            files: HashMap::new(),
            start: std::time::Instant::now(),
            cwd: None,
        }
    }

    /// Services with a current directory of their own, starting at `dir`.
    pub fn with_cwd(dir: &Path) -> HostServices {
        HostServices {
            cwd: Some(dir.to_path_buf()),
            ..HostServices::new()
        }
    }

    /// A path as the OS should see it.
    pub fn resolve(&self, path: &str) -> PathBuf {
        match &self.cwd {
            Some(c) if path.is_empty() => c.clone(),
            Some(c) => c.join(path),
            None if path.is_empty() => PathBuf::from("."),
            None => PathBuf::from(path),
        }
    }

    pub fn stat(&mut self, path: &str) -> PathKind {
        match std::fs::metadata(self.resolve(path)) {
            Ok(m) if m.is_dir() => PathKind::Dir,
            Ok(_) => PathKind::File,
            Err(_) => PathKind::Missing,
        }
    }

    pub fn file_size(&mut self, path: &str) -> Option<usize> {
        std::fs::metadata(self.resolve(path))
            .ok()
            .filter(|m| m.is_file())
            .map(|m| m.len() as usize)
    }

    pub fn read_file(&mut self, path: &str, buf: &mut [u8]) -> Option<usize> {
        let mut f = File::open(self.resolve(path)).ok()?;
        let mut n = 0;
        while n < buf.len() {
            match f.read(&mut buf[n..]) {
                Ok(0) => break,
                Ok(k) => n += k,
                Err(_) => return None,
            }
        }
        Some(n)
    }

    pub fn monotonic_ns(&mut self) -> Option<u64> {
        Some(self.start.elapsed().as_nanos() as u64)
    }

    pub fn wall_time_ns(&mut self) -> Option<i64> {
        let now = std::time::SystemTime::now();
        Some(match now.duration_since(std::time::UNIX_EPOCH) {
            Ok(d) => d.as_nanos() as i64,
            Err(e) => -(e.duration().as_nanos() as i64),
        })
    }

    pub fn utc_offset(&mut self, secs: i64) -> i64 {
        let t = secs as libc::time_t;
        // SAFETY: localtime_r writes only into the tm we pass; a zeroed tm is a valid value.
        unsafe {
            let mut tm: libc::tm = std::mem::zeroed();
            if libc::localtime_r(&t, &mut tm).is_null() {
                return 0;
            }
            tm.tm_gmtoff as i64
        }
    }

    pub fn sleep_ns(&mut self, ns: u64) {
        std::thread::sleep(std::time::Duration::from_nanos(ns));
    }

    pub fn random_bytes(&mut self, buf: &mut [u8]) -> Result<(), Errno> {
        let mut f = File::open("/dev/urandom").map_err(|e| errno_of(&e))?;
        f.read_exact(buf).map_err(|e| errno_of(&e))
    }

    pub fn open(&mut self, path: &str, how: OpenOptions) -> Result<Fd, Errno> {
        let p = self.resolve(path);
        if how.read && !how.write && p.is_dir() {
            return Err(errno::EISDIR);
        }
        let f = std::fs::OpenOptions::new()
            .read(how.read)
            .write(how.write && !how.append)
            .append(how.append)
            .create(how.create && !how.exclusive)
            .create_new(how.exclusive)
            .truncate(how.truncate)
            .open(p)
            .map_err(|e| errno_of(&e))?;
        let fd = f.as_raw_fd() as Fd;
        self.files.insert(fd, f);
        Ok(fd)
    }

    fn file(&mut self, fd: Fd) -> Result<&mut File, Errno> {
        self.files.get_mut(&fd).ok_or(errno::EBADF)
    }

    pub fn read(&mut self, fd: Fd, buf: &mut [u8]) -> Result<usize, Errno> {
        loop {
            match self.file(fd)?.read(buf) {
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                r => return r.map_err(|e| errno_of(&e)),
            }
        }
    }

    pub fn write(&mut self, fd: Fd, buf: &[u8]) -> Result<usize, Errno> {
        loop {
            match self.file(fd)?.write(buf) {
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                r => return r.map_err(|e| errno_of(&e)),
            }
        }
    }

    pub fn seek(&mut self, fd: Fd, offset: i64, whence: Whence) -> Result<u64, Errno> {
        let to = match whence {
            Whence::Start => SeekFrom::Start(u64::try_from(offset).map_err(|_| errno::EINVAL)?),
            Whence::Current => SeekFrom::Current(offset),
            Whence::End => SeekFrom::End(offset),
        };
        self.file(fd)?.seek(to).map_err(|e| errno_of(&e))
    }

    pub fn flush(&mut self, fd: Fd) -> Result<(), Errno> {
        self.file(fd)?.flush().map_err(|e| errno_of(&e))
    }

    pub fn close(&mut self, fd: Fd) -> Result<(), Errno> {
        self.files.remove(&fd).map(drop).ok_or(errno::EBADF)
    }

    pub fn metadata(&mut self, path: &str) -> Result<Metadata, Errno> {
        let m = std::fs::metadata(self.resolve(path)).map_err(|e| errno_of(&e))?;
        Ok(Metadata {
            mode: m.mode(),
            ino: m.ino(),
            dev: m.dev(),
            nlink: m.nlink(),
            uid: m.uid(),
            gid: m.gid(),
            size: m.size(),
            atime: m.atime(),
            mtime: m.mtime(),
            ctime: m.ctime(),
        })
    }

    pub fn list_dir(
        &mut self,
        path: &str,
        each: &mut dyn FnMut(&str, PathKind, u64),
    ) -> Result<(), Errno> {
        let rd = std::fs::read_dir(self.resolve(path)).map_err(|e| errno_of(&e))?;
        for e in rd {
            let e = e.map_err(|e| errno_of(&e))?;
            let kind = match e.file_type() {
                Ok(t) if t.is_dir() => PathKind::Dir,
                Ok(_) => PathKind::File,
                Err(_) => PathKind::Missing,
            };
            each(&e.file_name().to_string_lossy(), kind, e.ino());
        }
        Ok(())
    }

    pub fn remove(&mut self, path: &str) -> Result<(), Errno> {
        std::fs::remove_file(self.resolve(path)).map_err(|e| errno_of(&e))
    }

    pub fn rename(&mut self, from: &str, to: &str) -> Result<(), Errno> {
        std::fs::rename(self.resolve(from), self.resolve(to)).map_err(|e| errno_of(&e))
    }

    pub fn mkdir(&mut self, path: &str) -> Result<(), Errno> {
        std::fs::create_dir(self.resolve(path)).map_err(|e| errno_of(&e))
    }

    pub fn rmdir(&mut self, path: &str) -> Result<(), Errno> {
        std::fs::remove_dir(self.resolve(path)).map_err(|e| errno_of(&e))
    }

    pub fn getcwd(&mut self, each: &mut dyn FnMut(&str)) -> Result<(), Errno> {
        let c = match &self.cwd {
            Some(c) => c.clone(),
            None => std::env::current_dir().map_err(|e| errno_of(&e))?,
        };
        each(&c.to_string_lossy());
        Ok(())
    }

    pub fn chdir(&mut self, path: &str) -> Result<(), Errno> {
        let p = self.resolve(path);
        if self.cwd.is_some() {
            let m = std::fs::metadata(&p).map_err(|e| errno_of(&e))?;
            if !m.is_dir() {
                return Err(errno::ENOTDIR);
            }
            self.cwd = Some(std::fs::canonicalize(&p).map_err(|e| errno_of(&e))?);
            Ok(())
        } else {
            std::env::set_current_dir(p).map_err(|e| errno_of(&e))
        }
    }

    pub fn getenv(&mut self, name: &str, each: &mut dyn FnMut(&str)) -> bool {
        match std::env::var_os(name) {
            Some(v) => {
                each(&v.to_string_lossy());
                true
            }
            None => false,
        }
    }
}

impl Default for HostServices {
    fn default() -> HostServices {
        HostServices::new()
    }
}

/// The `Hal` methods a hosted port forwards to its [`HostServices`] field `$f`. Use inside
/// `impl Hal for ...` (declare this module with `#[macro_use]`).
macro_rules! forward_host_services {
    ($f:ident) => {
        fn stat(&mut self, path: &str) -> pyrite::PathKind {
            self.$f.stat(path)
        }
        fn file_size(&mut self, path: &str) -> Option<usize> {
            self.$f.file_size(path)
        }
        fn read_file(&mut self, path: &str, buf: &mut [u8]) -> Option<usize> {
            self.$f.read_file(path, buf)
        }
        fn monotonic_ns(&mut self) -> Option<u64> {
            self.$f.monotonic_ns()
        }
        fn wall_time_ns(&mut self) -> Option<i64> {
            self.$f.wall_time_ns()
        }
        fn utc_offset(&mut self, secs: i64) -> i64 {
            self.$f.utc_offset(secs)
        }
        fn sleep_ns(&mut self, ns: u64) {
            self.$f.sleep_ns(ns)
        }
        fn random_bytes(&mut self, buf: &mut [u8]) -> Result<(), pyrite::Errno> {
            self.$f.random_bytes(buf)
        }
        fn open(
            &mut self,
            path: &str,
            how: pyrite::OpenOptions,
        ) -> Result<pyrite::Fd, pyrite::Errno> {
            self.$f.open(path, how)
        }
        fn read(&mut self, fd: pyrite::Fd, buf: &mut [u8]) -> Result<usize, pyrite::Errno> {
            self.$f.read(fd, buf)
        }
        fn write(&mut self, fd: pyrite::Fd, buf: &[u8]) -> Result<usize, pyrite::Errno> {
            self.$f.write(fd, buf)
        }
        fn seek(
            &mut self,
            fd: pyrite::Fd,
            offset: i64,
            whence: pyrite::Whence,
        ) -> Result<u64, pyrite::Errno> {
            self.$f.seek(fd, offset, whence)
        }
        fn flush(&mut self, fd: pyrite::Fd) -> Result<(), pyrite::Errno> {
            self.$f.flush(fd)
        }
        fn close(&mut self, fd: pyrite::Fd) -> Result<(), pyrite::Errno> {
            self.$f.close(fd)
        }
        fn metadata(&mut self, path: &str) -> Result<pyrite::Metadata, pyrite::Errno> {
            self.$f.metadata(path)
        }
        fn list_dir(
            &mut self,
            path: &str,
            each: &mut dyn FnMut(&str, pyrite::PathKind, u64),
        ) -> Result<(), pyrite::Errno> {
            self.$f.list_dir(path, each)
        }
        fn remove(&mut self, path: &str) -> Result<(), pyrite::Errno> {
            self.$f.remove(path)
        }
        fn rename(&mut self, from: &str, to: &str) -> Result<(), pyrite::Errno> {
            self.$f.rename(from, to)
        }
        fn mkdir(&mut self, path: &str) -> Result<(), pyrite::Errno> {
            self.$f.mkdir(path)
        }
        fn rmdir(&mut self, path: &str) -> Result<(), pyrite::Errno> {
            self.$f.rmdir(path)
        }
        fn getcwd(&mut self, each: &mut dyn FnMut(&str)) -> Result<(), pyrite::Errno> {
            self.$f.getcwd(each)
        }
        fn chdir(&mut self, path: &str) -> Result<(), pyrite::Errno> {
            self.$f.chdir(path)
        }
        fn getenv(&mut self, name: &str, each: &mut dyn FnMut(&str)) -> bool {
            self.$f.getenv(name, each)
        }
    };
}
