# Uncaught exception from a method of a class defined in an imported module.
from mods.tbmod import Widget
w = Widget()
print('made widget')
w.explode()
