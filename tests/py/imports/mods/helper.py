# Helper module for import tests: prints when executed so tests can see it runs once.
print('executing mods.helper, __name__ =', __name__)
CONST = 42
_private = 'hidden'
counter = 0
def func(x):
    return x * 2
def bump():
    global counter
    counter += 1
    return counter
class Thing:
    def __init__(self, v):
        self.v = v
    def get(self):
        return ('Thing', self.v, CONST)
if __name__ == '__main__':
    print('never printed on import')
