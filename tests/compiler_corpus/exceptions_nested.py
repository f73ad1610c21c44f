def f():
    try:
        try:
            g()
        except A:
            h()
    except B as e:
        try:
            i(e)
        finally:
            j()
    finally:
        k()
try:
    pass
except:
    try:
        raise
    except:
        pass
