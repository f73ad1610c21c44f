# An uncaught exception after some output still exits with status 1 and keeps prior output intact.
for i in range(3):
    print('tick', i)
raise NotImplementedError('feature missing')
