# zip/enumerate/map/filter with non-iterables raise TypeError (class names only).
for f in [lambda: zip(1, [2]), lambda: enumerate(None), lambda: list(map(len, 5)), lambda: list(filter(None, 3)),
          lambda: list(zip([1], 2)), lambda: min(1), lambda: sum(None), lambda: sorted(7), lambda: any(1), lambda: all(None)]:
    try:
        f()
        print('no exception')
    except TypeError:
        print('TypeError')
