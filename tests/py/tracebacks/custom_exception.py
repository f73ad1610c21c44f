# An uncaught user-defined exception prints its class name and message.
class ConfigError(Exception):
    pass
def read():
    raise ConfigError('bad value: 42')
read()
