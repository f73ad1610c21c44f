//! Every allocating operation must report an exhausted allocator as `NoMemory`, never
//! abort or panic (ARCHITECTURE.md principles 3 and 6). Each operation is run under a
//! sweep of byte budgets; it must either give the right answer or `NoMemory`.

use std::alloc::Layout;
use std::cell::Cell;
use std::ptr::NonNull;
use std::rc::Rc;

use allocator_api2::alloc::{AllocError, Allocator, Global};
use allocator_api2::vec::Vec as AVec;
use pyrite::num::{float_as_integer_ratio, Big, BigRef, InlineBig, NumError};

/// An allocator over the global one that refuses to go beyond a byte budget of live memory.
#[derive(Clone)]
struct Budget(Rc<Cell<usize>>);

// SAFETY: every block handed out comes from `Global` with the same layout and is returned
// to `Global` unchanged; the budget is only bookkeeping.
unsafe impl Allocator for Budget {
    fn allocate(&self, layout: Layout) -> Result<NonNull<[u8]>, AllocError> {
        let left = self.0.get();
        if layout.size() > left {
            return Err(AllocError);
        }
        let p = Global.allocate(layout)?;
        self.0.set(left - layout.size());
        Ok(p)
    }

    unsafe fn deallocate(&self, ptr: NonNull<u8>, layout: Layout) {
        self.0.set(self.0.get() + layout.size());
        // SAFETY: the caller guarantees `ptr` was allocated by this allocator with `layout`,
        // hence by `Global` with `layout`.
        unsafe { Global.deallocate(ptr, layout) }
    }
}

fn to_string<A: Allocator + Clone>(b: &Big<A>) -> String {
    let mut v = AVec::new_in(Global);
    b.as_ref().write_radix(10, &mut v).unwrap();
    String::from_utf8(v.to_vec()).unwrap()
}

/// Run `op` with budgets from 0 up to the first success; every failure must be NoMemory
/// and the success must match the unlimited result.
fn sweep(name: &str, step: usize, op: impl Fn(Budget) -> Result<String, NumError>) {
    let expect = op(Budget(Rc::new(Cell::new(usize::MAX)))).unwrap();
    let mut budget = 0;
    loop {
        let b = Budget(Rc::new(Cell::new(budget)));
        match op(b.clone()) {
            Ok(s) => {
                assert_eq!(s, expect, "{name} with budget {budget}");
                return;
            }
            Err(e) => assert_eq!(e, NumError::NoMemory, "{name} with budget {budget}"),
        }
        assert!(budget < 1 << 24, "{name} never succeeded");
        budget += step;
    }
}

fn big_str(digits: usize, seed: u32) -> String {
    let mut s = String::from("-");
    let mut x = seed;
    for i in 0..digits {
        x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
        let d = if i == 0 {
            1 + (x >> 16) % 9
        } else {
            (x >> 16) % 10
        };
        s.push(char::from(b'0' + d as u8));
    }
    s
}

#[test]
fn operations_report_no_memory() {
    let a_s = big_str(700, 1);
    let b_s = big_str(650, 2);
    let c_s = big_str(30, 3);
    let a = Big::parse(&a_s, 10, Global).unwrap();
    let b = Big::parse(&b_s, 10, Global).unwrap();
    let c = Big::parse(&c_s, 10, Global).unwrap();
    let (a, b, c) = (a.as_ref(), b.as_ref(), c.as_ref());
    let m1 = InlineBig::from_i64(-1);
    let e7 = InlineBig::from_i64(7);
    sweep("parse dec", 8, |al| {
        Big::parse(&a_s, 10, al).map(|v| to_string(&v))
    });
    sweep("parse unicode", 8, |al| {
        Big::parse("\u{0661}\u{0662}3", 10, al).map(|v| to_string(&v))
    });
    sweep("parse hex", 8, |al| {
        Big::parse("-0xdead_beef_0123_4567_89ab_cdef", 0, al).map(|v| to_string(&v))
    });
    sweep("add", 8, |al| a.add(b, al).map(|v| to_string(&v)));
    sweep("sub", 8, |al| a.sub(b, al).map(|v| to_string(&v)));
    sweep("mul karatsuba", 16, |al| {
        a.mul(b, al).map(|v| to_string(&v))
    });
    sweep("divmod", 8, |al| {
        a.divmod(c, al).map(|(q, r)| to_string(&q) + &to_string(&r))
    });
    sweep("divmod big", 8, |al| {
        a.divmod(b, al).map(|(q, r)| to_string(&q) + &to_string(&r))
    });
    sweep("pow", 16, |al| {
        c.pow(e7.as_ref(), 10_000, al).map(|v| to_string(&v))
    });
    sweep("pow_mod inverse", 8, |al| {
        let m = InlineBig::from_i64(1_000_000_007);
        c.pow_mod(m1.as_ref(), m.as_ref(), al)
            .map(|v| to_string(&v))
    });
    sweep("gcd", 8, |al| a.gcd(b, al).map(|v| to_string(&v)));
    sweep("shl", 8, |al| {
        a.shl(1000, 1 << 20, al).map(|v| to_string(&v))
    });
    sweep("shr", 8, |al| a.shr(100, al).map(|v| to_string(&v)));
    sweep("and", 8, |al| a.and(b, al).map(|v| to_string(&v)));
    sweep("xor", 8, |al| a.xor(b, al).map(|v| to_string(&v)));
    sweep("not", 8, |al| a.not(al).map(|v| to_string(&v)));
    sweep("from_bytes", 8, |al| {
        Big::from_bytes(&[0xff; 40], true, true, al).map(|v| to_string(&v))
    });
    sweep("true_div", 8, |al| {
        a.true_div(b, al).map(|v| format!("{v:e}"))
    });
    sweep("ratio", 8, |al| {
        float_as_integer_ratio(1e-300, al).map(|(n, d)| to_string(&n) + &to_string(&d))
    });
    sweep("from_f64", 8, |al| {
        Big::from_f64(-1e300, al).map(|v| to_string(&v))
    });
    sweep("write_radix", 8, |al| {
        let mut out = AVec::new_in(al);
        a.write_radix(10, &mut out)?;
        b.write_radix(7, &mut out)?;
        c.write_radix(16, &mut out)?;
        Ok(String::from_utf8(out.to_vec()).unwrap())
    });
    let _ = BigRef::ZERO;
}
