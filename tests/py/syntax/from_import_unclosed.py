# Syntax error: from-import with an unclosed parenthesis.
from x import (a, b
