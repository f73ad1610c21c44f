# An exception raised while handling another: MicroPython prints only the new exception.
def load():
    try:
        return {}['config']
    except KeyError:
        raise RuntimeError('config missing')
print('loading')
load()
