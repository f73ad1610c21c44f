# Uncaught exception raised in a class body nested inside a function: function and class frames.
def make():
    class Inner:
        limit = int('ten')
    return Inner
make()
