# An uncaught exception whose handler list did not match passes through and is reported normally.
try:
    [1, 2][5]
except KeyError:
    print('not this handler')
