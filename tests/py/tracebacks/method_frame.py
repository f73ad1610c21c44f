# Uncaught exception in a method: frame names carry no class qualifier (also for __init__).
class Account:
    def __init__(self, balance):
        self.balance = balance
        self.check()
    def check(self):
        if self.balance < 0:
            raise ValueError('negative balance')
a = Account(5)
print('first ok')
b = Account(-1)
