# re: mixing str and bytes, bad arguments (only the class is printed)
import re

def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__)

check(lambda: re.match('a', b'a'))
check(lambda: re.match(b'a', 'a'))
check(lambda: re.sub('a', 5, 'a'))
check(lambda: re.sub('a', lambda m: 5, 'a'))
check(lambda: re.match('a', 5))
