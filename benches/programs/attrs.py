# Instance attribute access: reads and writes in a tight loop.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
        self.hits = 0


def run(n):
    pts = [Point(i, i * 2) for i in range(100)]
    s = 0
    for k in range(n):
        for p in pts:
            p.x = p.x + p.y
            p.hits += 1
            s += p.x & 0xff
    return s, pts[7].hits


print("attrs", run(9000))
