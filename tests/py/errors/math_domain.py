# ValueError messages from the math module.
import math
def check(f):
    try:
        f()
        print('no exception')
    except Exception as e:
        print(type(e).__name__ + ':', e)
check(lambda: math.fmod(1, 0))
check(lambda: math.sqrt(-1))
check(lambda: math.log(0))
check(lambda: math.factorial(-1))
