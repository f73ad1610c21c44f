# Returning tuples and unpacking them; star-unpacking results into calls; swapping via functions.
def minmax(seq):
    return min(seq), max(seq)
def stats(*nums):
    return len(nums), sum(nums), sum(nums) / len(nums)
lo, hi = minmax([4, 8, 1])
n, total, mean = stats(*[2, 4, 6])
print(lo, hi, n, total, mean, stats(*minmax(range(10))))
def swap(a, b):
    return b, a
print(swap(*swap(1, 2)), list(swap('x', 'y')) + list(minmax('hello')))
pairs = [(1, 'one'), (2, 'two')]
nums, names = zip(*pairs)
print(nums, names, dict(zip(names, nums)))
