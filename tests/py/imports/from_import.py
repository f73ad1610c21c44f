# from-import of names with aliases; imported names are bindings (rebinding does not affect the module).
from mods.helper import func, CONST as C, Thing, counter, bump
print(func(1), C, Thing('x').get(), counter)
bump()
bump()
import mods.helper
print(counter, mods.helper.counter)
from mods.helper import counter
print(counter)
from mods.helper import (func as f2,
                         CONST)
print(f2(3), CONST)
