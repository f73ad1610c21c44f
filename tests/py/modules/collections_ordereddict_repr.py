# collections.OrderedDict: MicroPython's repr
from collections import OrderedDict
o = OrderedDict()
o['z'] = 1
o['y'] = [2]
print(o, repr(OrderedDict()))
