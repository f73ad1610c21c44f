# sys.exit(n) with an int ends the script with that status and prints nothing more.
import sys
print('before exit')
sys.exit(3)
print('not reached')
