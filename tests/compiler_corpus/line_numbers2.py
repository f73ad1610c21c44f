x = (foo
     .bar
     .baz())
y = {
    'a': a + 1,
    'b': b,
}
z = f(a)(
    b)
if (a and
        b):
    pass
