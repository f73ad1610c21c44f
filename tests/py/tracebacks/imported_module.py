# Uncaught exception raised inside functions of an imported module: module frames show its absolute path.
import mods.tbmod
def main():
    mods.tbmod.outer('missing')
print('start')
main()
