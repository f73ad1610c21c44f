try:
    f()
except:
    pass
try:
    f()
except ValueError:
    g()
try:
    f()
except (ValueError, TypeError) as e:
    print(e)
try:
    f()
except ValueError as e:
    g(e)
except TypeError:
    h()
except:
    raise
else:
    k()
try:
    f()
finally:
    g()
try:
    f()
except E:
    g()
else:
    h()
finally:
    i()
def fn():
    try:
        return 1
    except:
        return 2
    finally:
        print('x')
