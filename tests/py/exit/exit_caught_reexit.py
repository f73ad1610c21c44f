# Catching SystemExit, inspecting it, then exiting with a different code (5).
import sys
try:
    sys.exit(1)
except SystemExit as e:
    print('caught', e.args)
sys.exit(5)
