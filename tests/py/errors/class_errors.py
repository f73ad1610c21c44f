# TypeError/AttributeError messages from class machinery: super, __init__ return, layout conflicts, isinstance, type().
def check(f):
    try:
        f()
        print("no exception")
    except Exception as e:
        print(type(e).__name__ + ":", e)
class A:
    def m(self):
        return super().m()
class R:
    def __init__(self):
        return 1
def bases(src):
    exec('class X(' + src + '):\n    pass')
check(lambda: A().m())
check(lambda: R())
check(lambda: bases('int, str'))
check(lambda: bases('dict, list'))
check(lambda: isinstance(1, 1))
check(lambda: issubclass(1, int))
check(lambda: issubclass(int, 1))
check(lambda: type(1, 2))
check(lambda: super(int, 'a'))
