def f():
    e = None
    try:
        pass
    except Exception as e:
        raise
    return e
