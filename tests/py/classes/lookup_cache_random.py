# Random mutations of classes, instances and globals, each followed by reads: the lookup cache
# (vm-fast) must answer as a fresh lookup would.
import gc

state = 987654321


def rnd(n):
    global state
    state = (state * 1103515245 + 12345) & 0x7fffffff
    return state % n


class Base:
    a = "Base.a"

    def m(self):
        return "Base.m"


class Mid(Base):
    pass


class Leaf(Mid):
    b = "Leaf.b"


classes = [Base, Mid, Leaf]
objs = [Base(), Mid(), Leaf(), Leaf()]
names = ["a", "b", "c", "m"]
G = 0


def read(o, n):
    try:
        v = getattr(o, n)
    except AttributeError:
        return "-"
    if callable(v):
        try:
            return "call:" + str(v())
        except TypeError:
            return "call:TypeError"
    return str(v)


def direct(o):
    # The same reads through LOAD_ATTR / LOAD_METHOD sites.
    out = []
    try:
        out.append(str(o.a))
    except AttributeError:
        out.append("-")
    try:
        out.append(str(o.m()))
    except (AttributeError, TypeError):
        out.append("-")
    try:
        out.append(str(o.c))
    except AttributeError:
        out.append("-")
    return out


def use_global():
    return G


h = 0
count = 0
last = None


def note(entry):
    # Hash as we go: keeping every row would not fit the small heaps of the gc-stress runs.
    global h, count, last
    count += 1
    last = entry
    for s in entry:
        for ch in str(s):
            h = (h * 31 + ord(ch)) & 0xFFFFFFFF


for step in range(400):
    op = rnd(9)
    c = classes[rnd(3)]
    o = objs[rnd(len(objs))]
    n = names[rnd(4)]
    if op == 0:
        setattr(c, n, "%s.%s@%d" % (c.__name__, n, step))
    elif op == 1:
        try:
            delattr(c, n)
        except AttributeError:
            pass
    elif op == 2:
        setattr(o, n, "inst.%s@%d" % (n, step))
    elif op == 3:
        try:
            delattr(o, n)
        except AttributeError:
            pass
    elif op == 4:
        k = step
        setattr(c, "m", lambda self, k=k: "lambda@%d" % k)
    elif op == 5:
        objs.append(classes[rnd(3)]())
        if len(objs) > 8:
            objs.pop(0)
    elif op == 6:
        G = step
    elif op == 7:
        # A new class each time, dropped at once: addresses get reused after a collection.
        class T(classes[rnd(3)]):
            c = "T.c@%d" % step
        t = T()
        note(("T", read(t, "c"), read(t, "a")))
        del T, t
        gc.collect()
    else:
        gc.collect()
    row = [read(x, nm) for x in objs for nm in names]
    row += [s for x in objs for s in direct(x)]
    row.append(use_global())
    note(tuple(row))
print(count, h)
print(last)
