a = ...
b = None
c = True
d = False
e = [..., None]
f = (..., None)
def g(): ...
