# repr() of a caught ZeroDivisionError and IndexError (message wording differs between flavours).
try:
    1 / 0
except ZeroDivisionError as e:
    print('ZeroDivisionError:', repr(e), e.args)
try:
    [][0]
except IndexError as e:
    print('IndexError:', repr(e), e.args)
