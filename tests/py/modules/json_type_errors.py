# json: objects that cannot be serialised, bad arguments (only the class is printed)
import json

def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__)

check(lambda: json.dumps(object()))
check(lambda: json.dumps({(1, 2): 3}))
check(lambda: json.dumps({1, 2}))
check(lambda: json.dumps(b'x'))
check(lambda: json.loads(5))
check(lambda: json.loads(None))
a = []
a.append(a)
try:
    json.dumps(a)
except (ValueError, RuntimeError):
    print('circular')
try:
    json.loads('[' * 5000)
except RuntimeError:
    print('deep')
