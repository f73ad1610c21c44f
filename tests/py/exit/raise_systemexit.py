# raise SystemExit(7) from inside nested calls exits with status 7.
def inner():
    raise SystemExit(7)
def outer():
    inner()
print('start')
outer()
