// `obj::get` borrows the interpreter too: a list's items cannot be read after a call.
use pyrite::obj::list::ListObj;
use pyrite::value::Value;
use pyrite::vm::Cx;

fn first_after_call(cx: &mut Cx, list: Value, f: Value) -> Option<Value> {
    let l = pyrite::obj::get::<ListObj>(cx, list)?;
    let _ = cx.call(f, &[], &[]);
    l.items().first().copied()
}

fn main() {
    let _ = first_after_call;
}
