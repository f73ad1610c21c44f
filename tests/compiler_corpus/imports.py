import a
import a.b
import a.b.c
import a as b
import a.b as c
import a.b.c as d
import x, y
from a import b
from a import b, c
from a import b as c, d as e
from a import (b, c)
from . import x
from .. import y
from .m import z
from .m.n import w
from ... import v
from .... import u
from a.b import c
from micropython import const
