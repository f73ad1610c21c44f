# heapq: heappush/heappop/heapify/heappushpop/heapreplace keep the heap order
import heapq

h = []
for x in [5, 1, 8, 3, 9, 2, 7, 2]:
    heapq.heappush(h, x)
print(h[0], [heapq.heappop(h) for _ in range(len(h))], h)
data = [9, 4, 7, 1, 8, 2, 6, 3, 5, 0]
heapq.heapify(data)
print(data[0], sorted(data) == [heapq.heappop(data) for _ in range(10)])
h = [3, 1, 2]
heapq.heapify(h)
print(heapq.heappushpop(h, 0), heapq.heappushpop(h, 5), heapq.heapreplace(h, 0), sorted(h))
t = []
for item in [(2, 'b'), (1, 'a'), (3, 'c'), (1, 'z')]:
    heapq.heappush(t, item)
print([heapq.heappop(t) for _ in range(4)])

class Rev:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        return self.v > o.v
r = []
for v in [1, 5, 3]:
    heapq.heappush(r, Rev(v))
print([heapq.heappop(r).v for _ in range(3)])

def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__)
check(lambda: heapq.heappop([]))
check(lambda: heapq.heapreplace([], 1))
check(lambda: heapq.heappush((), 1))
check(lambda: heapq.heapify({}))
check(lambda: heapq.heappush([1], 'a'))
