# Uncaught exception raised from a user iterator's __next__ while a for loop drives it.
class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        self.n -= 1
        if self.n < 0:
            raise RuntimeError('went below zero')
        return self.n
for v in Countdown(2):
    print(v)
