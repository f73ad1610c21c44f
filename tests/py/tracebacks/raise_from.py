# raise ... from ...: MicroPython drops the cause (warning on stderr); CircuitPython prints the chain.
print('start')
raise ValueError('b') from KeyError('a')
