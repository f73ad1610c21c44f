# Uncaught exception at the bottom of a short recursion: one frame per level.
def down(n):
    if n == 0:
        raise IndexError('bottom reached')
    return down(n - 1)
down(3)
