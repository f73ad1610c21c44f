# Uncaught exception in nested closures: each inner function's name is a frame.
def make():
    def level1():
        def level2():
            return [][0] if False else missing_name
        return level2()
    return level1
f = make()
f()
