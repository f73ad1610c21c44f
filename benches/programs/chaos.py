# The chaos game: iterate random affine maps and count points in a grid (float arithmetic,
# a hand-written LCG for determinism).
class LCG:
    def __init__(self, seed):
        self.state = seed

    def next(self):
        self.state = (self.state * 1103515245 + 12345) & 0x7fffffff
        return self.state

    def random(self):
        return self.next() / 2147483648.0


def chaos(n):
    rng = LCG(42)
    corners = [(0.0, 0.0), (1.0, 0.0), (0.5, 0.866)]
    x, y = 0.3, 0.3
    grid = {}
    for i in range(n):
        cx, cy = corners[rng.next() % 3]
        x = (x + cx) * 0.5
        y = (y + cy) * 0.5
        key = (int(x * 64), int(y * 64))
        grid[key] = grid.get(key, 0) + 1
    return len(grid), sum(v * (k[0] + 1) for k, v in grid.items()) % 1000003


print("chaos", chaos(450000))
