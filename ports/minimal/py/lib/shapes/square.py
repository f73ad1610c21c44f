class Square:
    def __init__(self, n):
        self.n = n

    def area(self):
        return self.n * self.n
