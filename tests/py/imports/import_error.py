# Failing imports raise ImportError (ModuleNotFoundError in CPython is a subclass); a module that raises
# during import propagates its exception and is not left in sys.modules.
import sys
try:
    import no_such_module_xyz
except ImportError:
    print('ImportError for missing module')
try:
    from mods import no_such_submodule_xyz
except ImportError:
    print('ImportError for missing submodule')
try:
    from mods.helper import no_such_name
except ImportError:
    print('ImportError for missing name')
try:
    import mods.raiser
except ValueError as e:
    print('ValueError', e.args)
print('mods.raiser' in sys.modules)
try:
    import mods.raiser
except ValueError:
    print('raised again on re-import')
