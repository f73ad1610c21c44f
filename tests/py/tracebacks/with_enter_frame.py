# Uncaught exception raised by a context manager's __enter__: the body never runs.
class Locked:
    def __enter__(self):
        raise RuntimeError('locked')
    def __exit__(self, *exc):
        print('exit not called')
print('start')
with Locked():
    print('body not run')
