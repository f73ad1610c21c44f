# Helper: mods.pkg.sub.gamma
from ...helper import CONST
def gamma():
    return 'gamma sees CONST=%d' % CONST
