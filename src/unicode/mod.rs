//! Unicode character properties and case mappings, as CPython 3.11 defines them for `str`.
//!
//! The property sets (`isprintable`, `isalpha`, `isdecimal`, `isdigit`, `isnumeric`,
//! `isidentifier`, `isspace`, title case) are generated from CPython's own `unicodedata` by
//! `tools/gen_unicode.py` into `tables.rs`, about 10 KB in all. Upper and lower case come from
//! `core` (the same full mappings CPython uses, including `SpecialCasing`); title case and case
//! folding add small tables of the characters where they differ from those.
//!
//! ASCII never touches a table.

#[rustfmt::skip]
mod tables;

/// A set of code points stored as delta-coded range boundaries (see `tools/gen_unicode.py`).
pub struct RangeSet {
    /// The code point of every `BLOCK`-th boundary.
    index_cp: &'static [u32],
    /// Where the varint of every `BLOCK`-th boundary starts in `data`.
    index_off: &'static [u16],
    /// Boundary deltas as little-endian base-128 varints.
    data: &'static [u8],
}

/// Boundaries between index entries (must match the generator).
const BLOCK: usize = 32;

impl RangeSet {
    /// Whether `c` is in the set.
    pub fn contains(&self, c: char) -> bool {
        let c = c as u32;
        // The last index entry at or before c.
        let j = match self.index_cp.binary_search(&c) {
            Ok(j) => j,
            Err(0) => return false,
            Err(j) => j - 1,
        };
        let mut cur = self.index_cp[j];
        let mut count = j * BLOCK;
        let mut pos = self.index_off.get(j).copied().unwrap_or(0) as usize;
        // Skip the varint of boundary `count` itself.
        while self.data.get(pos).is_some_and(|b| b & 0x80 != 0) {
            pos += 1;
        }
        pos += 1;
        while pos < self.data.len() {
            let mut d = 0u32;
            let mut shift = 0;
            while let Some(&b) = self.data.get(pos) {
                pos += 1;
                d |= ((b & 0x7f) as u32) << shift;
                shift += 7;
                if b & 0x80 == 0 {
                    break;
                }
            }
            let next = cur + d;
            if next > c {
                break;
            }
            cur = next;
            count += 1;
        }
        count.is_multiple_of(2)
    }
}

/// `str.isprintable` for one character (also what `repr` leaves unescaped).
pub fn is_printable(c: char) -> bool {
    if c.is_ascii() {
        return (' '..='~').contains(&c);
    }
    !tables::NOT_PRINTABLE.contains(c)
}

/// `str.isalpha`: a letter (categories Lu, Ll, Lt, Lm, Lo).
pub fn is_alpha(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    tables::ALPHA.contains(c)
}

/// `str.isdecimal`: a decimal digit (category Nd).
pub fn is_decimal(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    tables::DECIMAL.contains(c)
}

/// `str.isdigit`: a decimal digit or another digit (superscripts, circled digits).
pub fn is_digit(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    tables::DIGIT.contains(c)
}

/// `str.isnumeric`: any character with a numeric value.
pub fn is_numeric(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    tables::NUMERIC.contains(c)
}

/// `str.isalnum` for one character.
pub fn is_alnum(c: char) -> bool {
    is_alpha(c) || is_numeric(c)
}

/// `str.isspace` for one character.
pub fn is_space(c: char) -> bool {
    if c.is_ascii() {
        return matches!(c, ' ' | '\t'..='\r' | '\x1c'..='\x1f');
    }
    tables::SPACE.contains(c)
}

/// Whether `c` may start an identifier (XID_Start or `_`).
pub fn is_xid_start(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic() || c == '_';
    }
    tables::XID_START.contains(c)
}

/// Whether `c` may continue an identifier (XID_Continue).
pub fn is_xid_continue(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    tables::XID_CONTINUE.contains(c)
}

/// A titlecase letter (category Lt, such as `ǅ`).
pub fn is_titlecase(c: char) -> bool {
    !c.is_ascii() && tables::TITLECASE.contains(c)
}

/// A lowercase character (the Lowercase property).
pub fn is_lower(c: char) -> bool {
    c.is_lowercase()
}

/// An uppercase character (the Uppercase property).
pub fn is_upper(c: char) -> bool {
    c.is_uppercase()
}

/// A cased character: lowercase, uppercase or titlecase.
pub fn is_cased(c: char) -> bool {
    c.is_lowercase() || c.is_uppercase() || is_titlecase(c)
}

/// Case-ignorable (apostrophes, combining marks, modifiers): skipped by the final sigma rule.
pub fn is_case_ignorable(c: char) -> bool {
    if c.is_ascii() {
        return matches!(c, '\'' | '.' | ':' | '^' | '`');
    }
    tables::CASE_IGNORABLE.contains(c)
}

/// Up to three characters of a full case mapping.
#[derive(Clone, Copy)]
pub struct Mapped {
    chars: [char; 3],
    len: u8,
}

impl Mapped {
    fn one(c: char) -> Mapped {
        Mapped {
            chars: [c, '\0', '\0'],
            len: 1,
        }
    }

    fn from_u16(v: &[u16; 3]) -> Mapped {
        let mut m = Mapped {
            chars: ['\0'; 3],
            len: 0,
        };
        for &u in v.iter().take_while(|&&u| u != 0) {
            m.chars[m.len as usize] = char::from_u32(u as u32).unwrap_or('\u{fffd}');
            m.len += 1;
        }
        m
    }

    fn from_iter(it: impl Iterator<Item = char>) -> Mapped {
        let mut m = Mapped {
            chars: ['\0'; 3],
            len: 0,
        };
        for c in it.take(3) {
            m.chars[m.len as usize] = c;
            m.len += 1;
        }
        m
    }

    /// The characters.
    pub fn as_slice(&self) -> &[char] {
        &self.chars[..self.len as usize]
    }
}

/// The full upper case mapping of `c`.
pub fn to_upper(c: char) -> Mapped {
    if c.is_ascii() {
        return Mapped::one(c.to_ascii_uppercase());
    }
    Mapped::from_iter(c.to_uppercase())
}

/// The full lower case mapping of `c` (without the context-dependent final sigma).
pub fn to_lower(c: char) -> Mapped {
    if c.is_ascii() {
        return Mapped::one(c.to_ascii_lowercase());
    }
    Mapped::from_iter(c.to_lowercase())
}

/// The full title case mapping of `c`.
pub fn to_title(c: char) -> Mapped {
    if c.is_ascii() {
        return Mapped::one(c.to_ascii_uppercase());
    }
    let n = c as u32;
    if n < 0x10000 {
        let k = n as u16;
        if let Ok(i) = tables::TITLE_ONE.binary_search_by_key(&k, |e| e.0) {
            let t = tables::TITLE_ONE[i].1 as u32;
            return Mapped::one(char::from_u32(t).unwrap_or(c));
        }
        if let Ok(i) = tables::TITLE_MANY.binary_search_by_key(&k, |e| e.0) {
            return Mapped::from_u16(&tables::TITLE_MANY[i].1);
        }
    }
    to_upper(c)
}

/// The full case folding of `c`.
pub fn casefold(c: char) -> Mapped {
    if c.is_ascii() {
        return Mapped::one(c.to_ascii_lowercase());
    }
    let n = c as u32;
    if n < 0x10000 {
        let k = n as u16;
        if let Ok(i) = tables::FOLD_MANY.binary_search_by_key(&k, |e| e.0) {
            return Mapped::from_u16(&tables::FOLD_MANY[i].1);
        }
        let i = tables::FOLD_ONE.partition_point(|e| e.1 < k);
        if let Some(&(lo, hi, d)) = tables::FOLD_ONE.get(i) {
            if (lo..=hi).contains(&k) {
                let t = (n as i64 + d as i64) as u32;
                return Mapped::one(char::from_u32(t).unwrap_or(c));
            }
        }
    }
    to_lower(c)
}

/// The lower case of a capital sigma at char position `i` of `text` (CPython's final sigma
/// rule: `ς` when a cased letter precedes it and none follows, skipping case-ignorables).
pub fn lower_sigma(before: &str, after: &str) -> char {
    let preceded = before
        .chars()
        .rev()
        .find(|&c| !is_case_ignorable(c))
        .is_some_and(is_cased);
    let followed = after
        .chars()
        .find(|&c| !is_case_ignorable(c))
        .is_some_and(is_cased);
    if preceded && !followed {
        'ς'
    } else {
        'σ'
    }
}

/// The decimal value of a decimal digit (`int('٣')`), or None.
pub fn decimal_value(c: char) -> Option<u32> {
    if c.is_ascii_digit() {
        return Some(c as u32 - '0' as u32);
    }
    if !is_decimal(c) {
        return None;
    }
    // Decimal digits come in runs of ten starting at zero: find the run's start.
    let mut start = c as u32;
    while start > 0 && char::from_u32(start - 1).is_some_and(is_decimal) {
        start -= 1;
    }
    Some((c as u32 - start) % 10)
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn sets() {
        assert!(is_printable('é') && !is_printable('\u{2028}') && !is_printable('\u{e0000}'));
        assert!(is_alpha('é') && !is_alpha('\u{345}') && is_alpha('ǅ'));
        assert!(is_decimal('٣') && !is_decimal('²') && is_digit('²') && !is_digit('½'));
        assert!(is_numeric('½') && is_numeric('二'));
        assert!(is_xid_start('é') && !is_xid_start('1') && is_xid_continue('1'));
        assert!(is_space('\u{3000}') && is_space('\x1c') && !is_space('\u{200b}'));
        assert!(is_titlecase('ǅ') && !is_titlecase('A'));
        assert_eq!(decimal_value('٣'), Some(3));
        assert_eq!(to_title('ǆ').as_slice(), &['ǅ']);
        assert_eq!(casefold('ß').as_slice(), &['s', 's']);
    }
}
