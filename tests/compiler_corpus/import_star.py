from a import *
from .m import *
