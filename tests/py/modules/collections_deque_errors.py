# collections.deque: MicroPython's messages for pops from an empty deque and bad indexes
from collections import deque

def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ':', e)
check(lambda: deque().pop())
check(lambda: deque([], 3).popleft())
check(lambda: deque([1])[5])
