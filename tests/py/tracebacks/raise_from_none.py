# raise ... from None inside a handler: only the new exception is printed.
def get(d):
    try:
        return d['k']
    except KeyError:
        raise LookupError('no k') from None
get({})
