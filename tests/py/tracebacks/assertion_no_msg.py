# Uncaught AssertionError from an assert without a message.
x = 0
assert x
