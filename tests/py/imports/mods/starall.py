# Helper module with __all__ for `from ... import *` tests.
__all__ = ['public_a', '_exported_private']
public_a = 'a'
public_b = 'b (not in __all__)'
_exported_private = 'private but listed'
_hidden = 'hidden'
