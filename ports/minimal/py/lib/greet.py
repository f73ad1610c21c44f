def hello(who):
    return "hello from " + who


def fail():
    raise ValueError("frozen modules raise too")
