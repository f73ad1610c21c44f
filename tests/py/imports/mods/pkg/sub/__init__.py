# Helper subpackage mods.pkg.sub: uses `from .. import` to reach the parent package.
print('init mods.pkg.sub', __name__)
from .. import PKG_VALUE as parent_value
from ..beta import BETA
from .gamma import gamma
