# sys.exit('text') prints the text on stderr (not stdout) and exits with status 1.
import sys
print('stdout line')
sys.exit('fatal: something went wrong')
