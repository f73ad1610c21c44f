# __exit__ receives (type, value, traceback) for exceptions and a None triple on success.
class Inspect:
    def __enter__(self):
        return self
    def __exit__(self, t, v, tb):
        print('exit type:', t.__name__ if t else None, 'value is instance:', isinstance(v, t) if t else v, 'tb:', tb if t is None else '-')
        return True
with Inspect():
    pass
with Inspect():
    raise KeyError('k')
with Inspect():
    [][0]
print('done')
