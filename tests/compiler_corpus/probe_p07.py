def f():
    class C:
        def m(self):
            return super().m()
    return C
