# Line structure: semicolons, backslash continuation, implicit joining in brackets, comments.
a = 1; b = 2; c = a + b
print(a, b, c)
total = 1 + \
        2 + \
        3
print(total)
lst = [
    1,  # one
    2,  # two
    3,
]
print(lst)
d = {
    'x': 1,
    'y': (2,
          3),
}
print(d)
def f(a,
      b=2,
      *args,
      **kw):
    return a, b, args, kw
print(f(1,
        3,
        4, k=5))
if (a == 1 and
        b == 2):
    print('multi-line condition')
x = 1; y = 2;
print(x + y)
if True: print('one-line if')
for i in range(2): print('loop', i)
while False: pass
class C: pass
def g(): return 'g'
print(g())
    # an indented comment is fine
print('end')  # trailing comment
