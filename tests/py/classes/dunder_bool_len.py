# __bool__ and __len__ in truth tests, len(), and __len__ fallback when __bool__ is absent.
class L:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
print(len(L(3)), len(L(0)), bool(L(0)), bool(L(2)), not L(0))
class B:
    def __init__(self, b):
        self.b = b
    def __bool__(self):
        return self.b
print(bool(B(True)), bool(B(False)), 'yes' if B(True) else 'no', [x for x in [B(True), B(False)] if x].__len__())
print(B(False) or 'other', B(True) and 'and-value')
class Both:
    def __bool__(self):
        return True
    def __len__(self):
        return 0
print(bool(Both()), len(Both()))
while L(0):
    print('never')
print('end')
try:
    len(B(True))
except TypeError:
    print('TypeError no len')
