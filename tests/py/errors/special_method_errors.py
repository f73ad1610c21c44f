# Errors from special methods returning the wrong type, and objects missing len().
def check(f):
    try:
        f()
        print("no exception")
    except Exception as e:
        print(type(e).__name__ + ":", e)
class H:
    def __hash__(self):
        return 'a'
class Ix:
    def __index__(self):
        return 'a'
class In:
    def __int__(self):
        return 'a'
class Fl:
    def __float__(self):
        return 'a'
class G:
    def __getitem__(self, i):
        return 1
class C:
    def __call__(self, x):
        pass
check(lambda: hash(H()))
check(lambda: [1][Ix()])
check(lambda: int(In()))
check(lambda: float(Fl()))
check(lambda: len(G()))
check(lambda: C()())
