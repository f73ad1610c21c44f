# Uncaught exception raised by a context manager's __exit__.
class Faulty:
    def __enter__(self):
        print('enter')
        return self
    def __exit__(self, *exc):
        raise OSError('close failed')
with Faulty():
    print('body')
