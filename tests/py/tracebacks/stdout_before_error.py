# Output printed before an uncaught exception (including without a trailing newline) precedes the traceback.
import sys
print('line 1')
print('partial', end='')
print()
sys.stdout.write('written\n')
raise OSError('device not ready')
