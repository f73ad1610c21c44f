# from module import * without __all__ imports public names only.
from mods.starnoall import *
print(visible, visible_func())
print('_invisible' in globals())
