# Helper: mods.pkg.alpha, imports a sibling lazily through a relative import.
print('init mods.pkg.alpha', __name__)
def alpha_func():
    from . import beta
    return 'alpha+' + beta.BETA
