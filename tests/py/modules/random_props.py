# random: properties of every function (the sequence itself is implementation-specific)
import random

random.seed(42)
a = [random.random() for _ in range(5)]
random.seed(42)
b = [random.random() for _ in range(5)]
print(a == b, all(0.0 <= x < 1.0 for x in a), len(set(a)) > 1)
random.seed(1)
print(all(0 <= random.getrandbits(8) < 256 for _ in range(100)), random.getrandbits(0))
print(all(0 <= random.getrandbits(32) < 2**32 for _ in range(100)))
print(all(0 <= random.getrandbits(100) < 2**100 for _ in range(20)), random.getrandbits(70) >= 0)
print(all(1 <= random.randint(1, 6) <= 6 for _ in range(200)), set(random.randint(1, 3) for _ in range(200)) == {1, 2, 3})
print(all(random.randrange(10) in range(10) for _ in range(100)))
print(all(random.randrange(5, 10) in range(5, 10) for _ in range(100)))
print(all(random.randrange(0, 100, 7) % 7 == 0 for _ in range(100)), all(random.randrange(10, 0, -3) in range(10, 0, -3) for _ in range(50)))
print(all(random.choice('abc') in 'abc' for _ in range(50)), random.choice([7]), random.choice((1, 2)) in (1, 2))
print(all(2.0 <= random.uniform(2, 5) <= 5.0 for _ in range(100)), random.randint(5, 5), random.randrange(3, 4))
print(type(random.random()).__name__, type(random.randint(0, 1)).__name__, type(random.uniform(1, 2)).__name__)
random.seed()
random.seed(None)
random.seed(2**100)
print(0 <= random.randint(-2**40, 2**40) + 2**40 <= 2**41)

def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__)
check(lambda: random.randrange(0))
check(lambda: random.randrange(5, 1))
check(lambda: random.randrange(1, 5, 0))
check(lambda: random.randint(3, 1))
check(lambda: random.choice([]))
check(lambda: random.getrandbits(-1))
