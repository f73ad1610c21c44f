# Helper module that raises while being imported.
VALUE = 1
raise ValueError('failed during import')
