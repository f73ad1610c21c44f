# generator.throw and close: handling thrown exceptions, GeneratorExit, finally on close, close idempotence.
def g():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print('caught in gen', e.args)
        yield 'recovered'
    finally:
        print('gen finally')
gen = g()
print(next(gen))
print(gen.throw(ValueError('boom')))
try:
    next(gen)
except StopIteration:
    print('done')
gen2 = g()
next(gen2)
gen2.close()
gen2.close()
print('closed twice')
try:
    next(gen2)
except StopIteration:
    print('StopIteration after close')
def catches_exit():
    try:
        yield 1
    except GeneratorExit:
        print('GeneratorExit seen')
        raise
c = catches_exit()
next(c)
c.close()
def ignores_exit():
    try:
        yield 1
    except GeneratorExit:
        yield 2
bad = ignores_exit()
next(bad)
try:
    bad.close()
except RuntimeError:
    print('RuntimeError ignored GeneratorExit')
def unstarted():
    print('never runs')
    yield
unstarted().close()
u = unstarted()
try:
    u.throw(KeyError('x'))
except KeyError as e:
    print('throw into unstarted propagates', e.args)
def throw_type():
    try:
        yield
    except TypeError:
        yield 'type handled'
t = throw_type()
next(t)
print(t.throw(TypeError))
