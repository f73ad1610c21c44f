//! The two Unicode facts `int()` and `float()` need: which characters are whitespace
//! (`str.isspace()`) and which are decimal digits (category Nd), as in Python 3.11
//! (Unicode 14.0). CPython translates Nd digits to ASCII before parsing, so
//! `int('١٢')` is 12; we do the same.

/// Python's `str.isspace()`.
pub(crate) fn is_py_space(c: char) -> bool {
    matches!(
        c,
        '\t' | '\n' | '\x0b' | '\x0c' | '\r' | '\x1c'..='\x1f' | ' ' | '\u{85}' | '\u{a0}'
            | '\u{1680}' | '\u{2000}'..='\u{200a}' | '\u{2028}' | '\u{2029}' | '\u{202f}'
            | '\u{205f}' | '\u{3000}'
    )
}

/// The code point of digit zero of every block of ten Nd digits beyond ASCII.
const ND_ZEROS: [u32; 65] = [
    0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66, 0xde6,
    0xe50, 0xed0, 0xf20, 0x1040, 0x1090, 0x17e0, 0x1810, 0x1946, 0x19d0, 0x1a80, 0x1a90, 0x1b50,
    0x1bb0, 0x1c40, 0x1c50, 0xa620, 0xa8d0, 0xa900, 0xa9d0, 0xa9f0, 0xaa50, 0xabf0, 0xff10,
    0x104a0, 0x10d30, 0x11066, 0x110f0, 0x11136, 0x111d0, 0x112f0, 0x11450, 0x114d0, 0x11650,
    0x116c0, 0x11730, 0x118e0, 0x11950, 0x11c50, 0x11d50, 0x11da0, 0x16a60, 0x16ac0, 0x16b50,
    0x1d7ce, 0x1d7d8, 0x1d7e2, 0x1d7ec, 0x1d7f6, 0x1e140, 0x1e2f0, 0x1e950, 0x1fbf0,
];

/// A character as the byte the number parsers see: ASCII unchanged, a Unicode decimal digit
/// as its ASCII digit, anything else as 0xFF (which no grammar accepts).
pub(crate) fn ascii_equivalent(c: char) -> u8 {
    if c.is_ascii() {
        return c as u8;
    }
    let cp = c as u32;
    // ND_ZEROS is sorted: find the last block starting at or below cp.
    let idx = ND_ZEROS.partition_point(|&z| z <= cp);
    match idx.checked_sub(1).and_then(|i| ND_ZEROS.get(i)) {
        Some(&z) if cp - z < 10 => b'0' + (cp - z) as u8,
        _ => 0xff,
    }
}
