//! Sizes of the core types, pinned: a change here changes every object in every heap.

use pyrite::obj::float::FloatObj;
use pyrite::obj::list::ListObj;
use pyrite::obj::tuple::TupleObj;
use pyrite::Value;

#[test]
fn value_is_one_machine_word() {
    assert_eq!(core::mem::size_of::<Value>(), core::mem::size_of::<usize>());
    assert_eq!(
        core::mem::align_of::<Value>(),
        core::mem::align_of::<usize>()
    );
    assert_eq!(
        core::mem::size_of::<Option<Value>>(),
        2 * core::mem::size_of::<usize>()
    );
}

#[test]
fn small_objects_fit_their_blocks() {
    let w = core::mem::size_of::<usize>();
    // A float is a header and an f64: one 16-byte block on 64-bit hosts.
    assert_eq!(core::mem::size_of::<FloatObj>(), w + 8);
    // A tuple is a header and a length, then its items inline.
    assert_eq!(core::mem::size_of::<TupleObj>(), 2 * w);
    // A list is a header, length, capacity and an item pointer.
    assert_eq!(core::mem::size_of::<ListObj>(), 4 * w);
}
