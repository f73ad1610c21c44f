async def f():
    await g()
    x = await h(1)
    return x
async def g():
    pass
