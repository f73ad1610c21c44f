def f():
    x = 1
    return g(*[x], **{"a": x})
