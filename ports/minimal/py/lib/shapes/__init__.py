from .square import Square


def area_sum(shapes):
    return sum(s.area() for s in shapes)
