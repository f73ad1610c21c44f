//! Property tests of the builtin modules: `struct` pack/unpack round trips and bytes against a
//! reference encoder written here, `json` dumps/loads round trips, and `binascii`/`hashlib`
//! against the `base64`, `crc32fast`, `sha2`, `sha1` and `md-5` crates.

use base64::Engine as _;
use md5::Digest as _;
use proptest::prelude::*;
use pyrite::{Config, Hal, Interpreter};

struct Capture {
    out: Vec<u8>,
}

impl Hal for Capture {
    fn write_out(&mut self, bytes: &[u8]) {
        self.out.extend_from_slice(bytes);
    }
}

/// Run `src` in a fresh interpreter; its stdout and exit status.
fn run(src: &str) -> (String, i32) {
    let mut hal = Capture { out: Vec::new() };
    let status = {
        let mut it =
            Interpreter::with_heap_size(1 << 21, &mut hal, Config::default()).expect("interpreter");
        it.run_main(src.as_bytes(), "prop.py")
    };
    (String::from_utf8_lossy(&hal.out).into_owned(), status)
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

/// A Python bytes literal.
fn bytes_lit(b: &[u8]) -> String {
    let mut s = String::from("b'");
    for &x in b {
        s.push_str(&format!("\\x{x:02x}"));
    }
    s.push('\'');
    s
}

/// One struct item: its code and a value in range, as Python source and as reference bytes.
#[derive(Debug, Clone)]
struct StructItem {
    code: char,
    int: i128,
    float: f64,
}

fn struct_item() -> impl Strategy<Value = StructItem> {
    prop_oneof![
        (-128i128..128).prop_map(|v| StructItem {
            code: 'b',
            int: v,
            float: 0.0
        }),
        (0i128..256).prop_map(|v| StructItem {
            code: 'B',
            int: v,
            float: 0.0
        }),
        (-32768i128..32768).prop_map(|v| StructItem {
            code: 'h',
            int: v,
            float: 0.0
        }),
        (0i128..65536).prop_map(|v| StructItem {
            code: 'H',
            int: v,
            float: 0.0
        }),
        any::<i32>().prop_map(|v| StructItem {
            code: 'i',
            int: v as i128,
            float: 0.0
        }),
        any::<u32>().prop_map(|v| StructItem {
            code: 'I',
            int: v as i128,
            float: 0.0
        }),
        any::<i32>().prop_map(|v| StructItem {
            code: 'l',
            int: v as i128,
            float: 0.0
        }),
        any::<i64>().prop_map(|v| StructItem {
            code: 'q',
            int: v as i128,
            float: 0.0
        }),
        any::<u64>().prop_map(|v| StructItem {
            code: 'Q',
            int: v as i128,
            float: 0.0
        }),
        any::<bool>().prop_map(|v| StructItem {
            code: '?',
            int: v as i128,
            float: 0.0
        }),
        (-1e6f64..1e6).prop_map(|v| StructItem {
            code: 'd',
            int: 0,
            float: v
        }),
        (-1000i32..1000).prop_map(|v| StructItem {
            code: 'f',
            int: 0,
            float: v as f64 / 4.0
        }),
    ]
}

impl StructItem {
    fn py(&self) -> String {
        match self.code {
            'd' | 'f' => format!("{:?}", self.float),
            '?' => (if self.int != 0 { "True" } else { "False" }).to_string(),
            _ => self.int.to_string(),
        }
    }

    fn bytes(&self, little: bool) -> Vec<u8> {
        let mut v = match self.code {
            'b' | 'B' | '?' => vec![self.int as u8],
            'h' | 'H' => (self.int as u16).to_le_bytes().to_vec(),
            'i' | 'I' | 'l' => (self.int as u32).to_le_bytes().to_vec(),
            'q' | 'Q' => (self.int as u64).to_le_bytes().to_vec(),
            'f' => (self.float as f32).to_le_bytes().to_vec(),
            _ => self.float.to_le_bytes().to_vec(),
        };
        if !little {
            v.reverse();
        }
        v
    }
}

/// A JSON-able Python value as source text.
fn json_value() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        Just("None".to_string()),
        Just("True".to_string()),
        Just("False".to_string()),
        any::<i64>().prop_map(|i| i.to_string()),
        (-1e12f64..1e12).prop_map(|f| format!("{f:?}")),
        "[a-z\\u{e9}\\u{263a}\\u{1F600} \"\\\\\n\t]{0,8}".prop_map(|s| {
            let mut out = String::from("'");
            for c in s.chars() {
                match c {
                    '\\' => out.push_str("\\\\"),
                    '\'' => out.push_str("\\'"),
                    '\n' => out.push_str("\\n"),
                    '\t' => out.push_str("\\t"),
                    ' '..='~' => out.push(c),
                    c => out.push_str(&format!("\\U{:08x}", c as u32)),
                }
            }
            out.push('\'');
            out
        }),
    ];
    leaf.prop_recursive(4, 32, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(|v| format!("[{}]", v.join(", "))),
            prop::collection::vec(("[a-z]{0,4}", inner), 0..5).prop_map(|v| {
                let items: Vec<String> = v.iter().map(|(k, x)| format!("'{k}': {x}")).collect();
                format!("{{{}}}", items.join(", "))
            }),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn struct_pack_matches_reference_and_round_trips(
        items in prop::collection::vec(struct_item(), 1..8),
        big in any::<bool>(),
    ) {
        let order = if big { '>' } else { '<' };
        let fmt: String = std::iter::once(order).chain(items.iter().map(|i| i.code)).collect();
        let vals: Vec<String> = items.iter().map(|i| i.py()).collect();
        let expected: Vec<u8> = items.iter().flat_map(|i| i.bytes(!big)).collect();
        let src = format!(
            "import struct, binascii\nv = ({},)\nb = struct.pack('{fmt}', *v)\nprint(binascii.hexlify(b).decode())\nprint(struct.unpack('{fmt}', b) == v, struct.calcsize('{fmt}') == len(b))\n",
            vals.join(", ")
        );
        let (out, status) = run(&src);
        prop_assert_eq!(status, 0, "{}", out);
        prop_assert_eq!(out, format!("{}\nTrue True\n", hex(&expected)));
    }

    #[test]
    fn json_round_trips(v in json_value()) {
        let src = format!(
            "import json\nv = {v}\ns = json.dumps(v)\nprint(json.loads(s) == v, json.loads(json.dumps(v, separators=(',', ':'))) == v)\nprint(json.loads(json.dumps(v, indent=2)) == v, s.isascii() if hasattr(s, 'isascii') else True)\n"
        );
        let (out, status) = run(&src);
        prop_assert_eq!(status, 0, "{}", out);
        prop_assert_eq!(out, "True True\nTrue True\n");
    }

    #[test]
    fn binascii_matches_reference(data in prop::collection::vec(any::<u8>(), 0..100), seed in any::<u32>()) {
        let lit = bytes_lit(&data);
        let src = format!(
            "import binascii\nd = {lit}\nprint(binascii.hexlify(d).decode())\nprint(binascii.b2a_base64(d, newline=False).decode())\nprint(binascii.crc32(d), binascii.crc32(d, {seed}))\nprint(binascii.unhexlify(binascii.hexlify(d)) == d, binascii.a2b_base64(binascii.b2a_base64(d)) == d)\n"
        );
        let (out, status) = run(&src);
        prop_assert_eq!(status, 0, "{}", out);
        let b64 = base64::engine::general_purpose::STANDARD.encode(&data);
        let crc = crc32fast::hash(&data);
        let mut h = crc32fast::Hasher::new_with_initial(seed);
        h.update(&data);
        let crc2 = h.finalize();
        prop_assert_eq!(out, format!("{}\n{b64}\n{crc} {crc2}\nTrue True\n", hex(&data)));
    }

    #[test]
    fn hashlib_matches_reference(data in prop::collection::vec(any::<u8>(), 0..300), split in 0usize..300) {
        let cut = split.min(data.len());
        let (a, b) = data.split_at(cut);
        let src = format!(
            "import hashlib\na = {}\nb = {}\nfor n in ('sha256', 'sha1', 'md5'):\n    h = getattr(hashlib, n)(a)\n    h.update(b)\n    print(h.hexdigest())\n",
            bytes_lit(a),
            bytes_lit(b)
        );
        let (out, status) = run(&src);
        prop_assert_eq!(status, 0, "{}", out);
        let s256 = hex(&sha2::Sha256::digest(&data));
        let s1 = hex(&sha1::Sha1::digest(&data));
        let m5 = hex(&md5::Md5::digest(&data));
        prop_assert_eq!(out, format!("{s256}\n{s1}\n{m5}\n"));
    }
}
