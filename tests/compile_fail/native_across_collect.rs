// The Rust state inside a native object borrows the interpreter exclusively: it cannot be kept
// across a collection (or anything else that takes `&mut Cx`).
use pyrite::value::Value;
use pyrite::vm::Cx;

struct Counter {
    n: u32,
}

fn bump(cx: &mut Cx, obj: Value) {
    let c = cx.native_mut::<Counter>(obj).unwrap();
    cx.collect();
    c.n += 1;
}

fn main() {
    let _ = bump;
}
