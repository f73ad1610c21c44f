# sys.modules caches imported modules; deleting an entry makes the next import execute the module again.
import sys
import mods.counter_mod
import mods.state
print('mods.counter_mod' in sys.modules, sys.modules['mods.counter_mod'] is mods.counter_mod, mods.counter_mod.RUN)
import mods.counter_mod
print(mods.state.runs)
del sys.modules['mods.counter_mod']
import mods.counter_mod
print(mods.state.runs, mods.counter_mod.RUN)
print(type(sys.modules).__name__, 'mods.state' in sys.modules)
