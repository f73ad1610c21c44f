# Exception subclasses with extra methods, attributes, class-level defaults and custom __str__.
class HTTPError(Exception):
    default_code = 500
    def __init__(self, msg, code=None):
        super().__init__(msg)
        self.code = code or self.default_code
    def is_client(self):
        return 400 <= self.code < 500
    def __str__(self):
        return '%d: %s' % (self.code, self.args[0])
class NotFound(HTTPError):
    default_code = 404
for exc in [HTTPError('boom'), NotFound('missing'), HTTPError('teapot', 418)]:
    try:
        raise exc
    except HTTPError as e:
        print(type(e).__name__, e.code, e.is_client(), str(e), e.args)
try:
    raise NotFound('page')
except NotFound as e:
    print('caught NotFound', isinstance(e, HTTPError), isinstance(e, Exception))
