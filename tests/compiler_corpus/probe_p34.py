x = f'{x!r}' f'{y!s}'
