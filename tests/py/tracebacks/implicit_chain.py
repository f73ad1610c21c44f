# An exception in an except block of an explicitly raised exception: implicit chaining (CircuitPython prints both).
try:
    raise KeyError('first')
except KeyError:
    raise ValueError('second')
