# An exception raised while a module is being imported shows the importing line and the module's <module> frame.
print('before import')
import mods.badimport
print('not reached')
