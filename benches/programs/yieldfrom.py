# Deep `yield from` chains.
def leaf(n):
    for i in range(n):
        yield i


def chain(depth, n):
    if depth == 0:
        yield from leaf(n)
    else:
        yield from chain(depth - 1, n)


def run(reps):
    total = 0
    for r in range(reps):
        for v in chain(20, 200):
            total += v
    return total


print("yieldfrom", run(60))
