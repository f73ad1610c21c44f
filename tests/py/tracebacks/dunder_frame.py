# Uncaught exception inside an operator special method called implicitly.
class Vec:
    def __init__(self, x):
        self.x = x
    def __add__(self, other):
        return Vec(self.x + other.x)
print('adding')
v = Vec(1) + 5
