# import of a .py module inside a package: executed once, attributes, functions, classes, module identity.
import mods.helper
print(mods.helper.CONST, mods.helper.func(5), mods.helper.Thing(1).get())
import mods.helper
from mods import helper
print(helper is mods.helper, helper.__name__, type(helper).__name__)
print(helper.bump(), helper.bump(), mods.helper.counter)
import mods.helper as h
print(h is helper, h.counter)
