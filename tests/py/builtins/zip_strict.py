# zip(strict=True): equal lengths pass, any mismatch raises ValueError (after yielding the common part).
def run(*its):
    out = []
    try:
        for t in zip(*its, strict=True):
            out.append(t)
        print(out)
    except ValueError as e:
        print(out, type(e).__name__)
run([1, 2], 'ab')
run([1, 2], 'a')
run([1], 'ab')
run([], [])
run([1, 2], [3, 4], [5])
run([1, 2], [3], [5, 6])
run([1], [1], [1, 2])
run(iter([1, 2, 3]), range(3), (x for x in 'xyz'))
print(list(zip([1, 2], [3], strict=False)), list(zip('ab', strict=True)), list(zip(strict=True)))
z = zip([1, 2, 3], [4])
print(next(z), list(z), list(z))
