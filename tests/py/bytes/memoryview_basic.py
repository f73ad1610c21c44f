# memoryview over bytes/bytearray: indexing, slicing without copy, writes through to bytearray, tobytes, len.
ba = bytearray(b'abcdef')
mv = memoryview(ba)
print(len(mv), mv[0], mv[-1], bytes(mv[1:3]), mv[1:3].tobytes(), mv.tobytes())
mv[0] = ord('A')
mv[2:4] = b'CD'
print(ba)
sub = mv[1:5]
sub[0] = ord('B')
print(ba, len(sub), bytes(sub))
ro = memoryview(b'readonly')
print(ro[0], bytes(ro[4:]), ro.readonly, mv.readonly)
try:
    ro[0] = 1
except TypeError:
    print('TypeError readonly')
print(list(memoryview(b'xyz')), bytes(memoryview(b'q')), memoryview(b'ab') == b'ab')
print(bytearray(memoryview(b'copy')), b'abc'[1:] == memoryview(b'abc')[1:].tobytes())
