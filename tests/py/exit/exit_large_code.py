# sys.exit with a code above 255 is reported modulo 256 by the OS (258 -> 2).
import sys
print('exit 258')
sys.exit(258)
