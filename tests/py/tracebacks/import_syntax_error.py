# A SyntaxError in an imported module: the module frame has no `in` part.
print('importing')
import mods.synerr
