//! Borrowed views of heap values for native code: the rooting rule in the type system.
//!
//! A view borrows the interpreter (`&Cx`), so the borrow checker rejects keeping it across
//! anything that may collect, since every such call takes `&mut Cx` (`cx.call`, allocation,
//! running Python). Values themselves are plain words: keep one across such a call by rooting
//! it (`cx.root`) or holding a [`Handle`](super::Handle), and take a fresh view afterwards.
//! `tests/compile_fail/` shows that holding a view across a call does not compile.

use crate::obj::str as pystr;
use crate::value::Value;
use crate::vm::Cx;

impl Cx {
    /// The text of a `str` value, borrowed from the heap until the next call that may collect.
    pub fn str_view(&self, v: Value) -> Option<&str> {
        // The crate's unbranded helper, its result tied to `&self` by the signature.
        pystr::str_of(v)
    }

    /// The bytes of a `str` or `bytes` value, borrowed like [`Cx::str_view`].
    pub fn bytes_view(&self, v: Value) -> Option<&[u8]> {
        pystr::bytes_of(v)
    }
}
