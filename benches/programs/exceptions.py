# Raising and catching exceptions in loops, with try/finally and custom classes.
class AppError(Exception):
    pass


def risky(i):
    if i % 3 == 0:
        raise AppError(i)
    if i % 5 == 0:
        raise KeyError(i)
    return i


def run(n):
    caught = 0
    fin = 0
    total = 0
    for i in range(n):
        try:
            try:
                total += risky(i)
            finally:
                fin += 1
        except AppError as e:
            caught += e.args[0] & 1
        except KeyError:
            caught += 2
    return total, caught, fin


print("exceptions", run(360000))
