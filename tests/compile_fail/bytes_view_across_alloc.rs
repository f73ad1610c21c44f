// Allocating may collect: a view taken before it cannot be used after it.
use pyrite::value::Value;
use pyrite::vm::Cx;

fn concat(cx: &mut Cx, data: Value) -> Option<u8> {
    let b = cx.bytes_view(data)?;
    let _fresh = pyrite::obj::str::new_from(cx, "allocates");
    b.first().copied()
}

fn main() {
    let _ = concat;
}
