# Exceptions crossing with-blocks inside loops: __exit__ runs each time, loop continues after handling.
class CM:
    def __init__(self, i):
        self.i = i
    def __enter__(self):
        return self.i
    def __exit__(self, *a):
        print('exit', self.i, a[0].__name__ if a[0] else None)
        return False
results = []
for i in range(4):
    try:
        with CM(i) as v:
            if v % 2:
                raise ValueError(v)
            results.append(v)
    except ValueError as e:
        results.append(('err', e.args[0]))
print(results)
