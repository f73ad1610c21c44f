# Importing a helper module that sits next to the test script (the script's directory is on sys.path).
import _local_helper
from _local_helper import shout
print(_local_helper.GREETING, shout('hi'), _local_helper.__name__)
import sys
print('_local_helper' in sys.modules)
