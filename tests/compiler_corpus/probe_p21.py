import micropython
@micropython.bytecode
def f():
    pass
