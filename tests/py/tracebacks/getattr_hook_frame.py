# Uncaught AttributeError raised from a __getattr__ hook.
class Config:
    def __getattr__(self, name):
        raise AttributeError('no setting ' + name)
c = Config()
print('looking up')
print(c.timeout)
