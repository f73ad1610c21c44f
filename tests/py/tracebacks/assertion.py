# Uncaught AssertionError with and without a message.
def validate(x):
    assert x > 0, 'x must be positive'
validate(1)
print('validated 1')
validate(-1)
