# Helper module that imports a module which fails at import time.
import mods.badimport
