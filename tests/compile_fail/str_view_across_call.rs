// A view of a heap string borrows the interpreter: it cannot be used after a call that may
// run Python (and so collect), because that call needs `&mut Cx`.
use pyrite::value::Value;
use pyrite::vm::Cx;

fn shout(cx: &mut Cx, text: Value, callback: Value) -> usize {
    let s = cx.str_view(text).unwrap_or("");
    let _ = cx.call(callback, &[], &[]);
    s.len()
}

fn main() {
    let _ = shout;
}
