# Uncaught exception in a property getter.
class Temp:
    @property
    def kelvin(self):
        raise AttributeError('no sensor')
t = Temp()
print('reading')
print(t.kelvin)
