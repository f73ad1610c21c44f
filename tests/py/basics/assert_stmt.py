# assert: passing asserts, failing with and without message, message evaluated lazily.
assert True
assert 1 == 1, 'never shown'
def msg():
    print('msg evaluated')
    return 'the message'
assert 1, msg()
try:
    assert False
except AssertionError as e:
    print('caught', type(e).__name__, e.args)
try:
    assert 1 > 2, msg()
except AssertionError as e:
    print('caught', e.args, str(e))
try:
    assert [], ('tuple', 1)
except AssertionError as e:
    print(e.args)
try:
    assert None, 42
except AssertionError as e:
    print(e.args[0] + 1)
print(issubclass(AssertionError, Exception))
x = [1, 2, 3]
assert len(x) == 3 and x[0] == 1
print('ok')
