# Helper module for traceback tests: functions that raise from inside this file.
def inner(x):
    return {}[x]

def outer(x):
    return inner(x)

class Widget:
    def explode(self):
        raise RuntimeError('widget exploded')
