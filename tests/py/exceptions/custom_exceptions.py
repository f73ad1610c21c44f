# User-defined exception hierarchies: catching by base class, re-raising, exceptions as control flow.
class AppError(Exception):
    pass
class ConfigError(AppError):
    pass
class NetError(AppError):
    def __init__(self, host):
        super().__init__('unreachable: ' + host)
        self.host = host
def fail(kind):
    if kind == 'config':
        raise ConfigError('bad config')
    if kind == 'net':
        raise NetError('example.org')
    raise AppError('generic')
for k in ['config', 'net', 'other']:
    try:
        fail(k)
    except ConfigError as e:
        print('config:', e)
    except AppError as e:
        print(type(e).__name__, e, getattr(e, 'host', None))
class Found(Exception):
    pass
def search(grid, target):
    try:
        for r, row in enumerate(grid):
            for c, v in enumerate(row):
                if v == target:
                    raise Found((r, c))
    except Found as f:
        return f.args[0]
    return None
print(search([[1, 2], [3, 4]], 4), search([[1]], 9))
