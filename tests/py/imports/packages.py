# Packages: __init__.py runs first, submodules and subpackages, relative imports (. / .. / ...) inside them.
import mods.pkg
print(mods.pkg.PKG_VALUE, mods.pkg.alpha_func())
import mods.pkg.sub
print(mods.pkg.sub.parent_value, mods.pkg.sub.BETA, mods.pkg.sub.gamma())
from mods.pkg.sub.gamma import gamma
print(gamma())
from mods.pkg import beta, alpha
print(beta.BETA, alpha.__name__, mods.pkg.beta is beta)
import mods.pkg.beta as b2
print(b2 is beta)
