# Exceptions interacting with loops: continue/break in handlers, exceptions inside comprehensions and generators.
results = []
for x in [1, 0, 2, 'a', 4]:
    try:
        results.append(10 // x)
    except ZeroDivisionError:
        results.append('div0')
        continue
    except TypeError:
        results.append('type')
        break
    finally:
        results.append('f')
print(results)
def safe_int(s):
    try:
        return int(s)
    except ValueError:
        return None
print([safe_int(s) for s in ['1', 'x', '3']])
try:
    [1 // x for x in [1, 0]]
except ZeroDivisionError:
    print('ZeroDivisionError from comprehension')
def gen():
    yield 1
    raise ValueError('in gen')
out = []
try:
    for v in gen():
        out.append(v)
except ValueError as e:
    out.append(str(e))
print(out)
i = 0
while True:
    try:
        i += 1
        if i > 3:
            raise StopIteration
    except StopIteration:
        break
print(i)
