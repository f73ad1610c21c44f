# from module import * honours __all__ (even for underscore names listed there).
from mods.starall import *
print(public_a, _exported_private)
print('public_b' in globals(), '_hidden' in globals())
