x = a.b.c.d(1).e(2)[3].f
y = a.b(c.d(e.f()))
z = obj.method(*args, **kwargs)
w = obj.method(*args, key=value)
