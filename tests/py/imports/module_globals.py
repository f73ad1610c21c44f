# Functions in an imported module use that module's globals, not the importer's.
CONST = 'importer CONST'
from mods.helper import Thing, func
print(Thing(0).get(), CONST)
import mods.helper
print(mods.helper.bump(), mods.helper.counter)
counter = 'local counter'
print(mods.helper.counter, counter)
