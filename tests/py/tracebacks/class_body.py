# Uncaught exception in a class body: the frame is named after the class.
class Config:
    name = 'cfg'
    size = len(name)
    bad = undefined_in_class
print('not reached')
