# Recursive functions: factorial, fibonacci, mutual recursion, recursion through closures.
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
def is_even(n):
    return True if n == 0 else is_odd(n - 1)
def is_odd(n):
    return False if n == 0 else is_even(n - 1)
print(fact(0), fact(5), fact(30), [fib(i) for i in range(15)])
print(is_even(10), is_odd(7), is_even(7))
def hanoi(n, a='A', b='B', c='C', moves=None):
    if moves is None:
        moves = []
    if n:
        hanoi(n - 1, a, c, b, moves)
        moves.append(a + c)
        hanoi(n - 1, b, a, c, moves)
    return moves
print(len(hanoi(6)), hanoi(2))
def flatten(x):
    if isinstance(x, list):
        return [z for y in x for z in flatten(y)]
    return [x]
print(flatten([1, [2, [3, [4, [5]]]], 6]))
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
print(depth(100))
