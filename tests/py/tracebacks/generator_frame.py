# Uncaught exception inside a generator consumed by a for loop: the generator's name is the frame.
def numbers():
    yield 1
    yield 2
    raise ValueError('generator failed')
for n in numbers():
    print('got', n)
