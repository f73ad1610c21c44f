# Helper: mods.pkg.beta
print('init mods.pkg.beta', __name__)
BETA = 'beta'
