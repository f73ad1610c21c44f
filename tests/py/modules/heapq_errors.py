# heapq: MicroPython's messages
import heapq
def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ':', e)
check(lambda: heapq.heappop([]))
check(lambda: heapq.heappush((), 1))
