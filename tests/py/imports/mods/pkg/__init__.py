# Helper package: runs on first import of mods.pkg, uses relative imports.
print('init mods.pkg', __name__)
PKG_VALUE = 'from pkg __init__'
from .alpha import alpha_func
