# Helper module without __all__: `import *` takes every name not starting with underscore.
visible = 'visible'
def visible_func():
    return 'visible_func'
_invisible = 'invisible'
