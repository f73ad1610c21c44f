# A small ray tracer: float-heavy classes with methods and operator overloading.
class Vec:
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y, self.z + o.z)

    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y, self.z - o.z)

    def scale(self, k):
        return Vec(self.x * k, self.y * k, self.z * k)

    def dot(self, o):
        return self.x * o.x + self.y * o.y + self.z * o.z

    def norm(self):
        m = self.dot(self) ** 0.5
        return Vec(self.x / m, self.y / m, self.z / m)


class Sphere:
    def __init__(self, centre, radius, shade):
        self.centre = centre
        self.radius = radius
        self.shade = shade

    def hit(self, origin, direction):
        oc = origin - self.centre
        b = oc.dot(direction)
        c = oc.dot(oc) - self.radius * self.radius
        disc = b * b - c
        if disc < 0:
            return None
        t = -b - disc ** 0.5
        return t if t > 1e-6 else None


class Scene:
    def __init__(self):
        self.objects = [
            Sphere(Vec(0.0, -1.0, 3.0), 1.0, 0.9),
            Sphere(Vec(2.0, 0.0, 4.0), 1.0, 0.6),
            Sphere(Vec(-2.0, 0.0, 4.0), 1.0, 0.3),
            Sphere(Vec(0.0, -5001.0, 0.0), 5000.0, 0.5),
        ]
        self.light = Vec(2.0, 5.0, -3.0).norm()

    def trace(self, origin, direction, depth):
        best = None
        best_t = 1e30
        for o in self.objects:
            t = o.hit(origin, direction)
            if t is not None and t < best_t:
                best_t = t
                best = o
        if best is None:
            return 0.1
        p = origin + direction.scale(best_t)
        n = (p - best.centre).norm()
        lum = max(0.0, n.dot(self.light)) * best.shade
        if depth < 2:
            r = direction - n.scale(2 * direction.dot(n))
            lum += 0.3 * self.trace(p, r.norm(), depth + 1)
        return lum


def render(w, h):
    scene = Scene()
    eye = Vec(0.0, 0.0, 0.0)
    total = 0.0
    for j in range(h):
        for i in range(w):
            d = Vec((i - w / 2) / w, (j - h / 2) / h, 1.0).norm()
            total += scene.trace(eye, d, 0)
    return total


print("raytrace %.6f" % render(80, 60))
