async def f():
    async with a, b as c:
        return 1
    async for x in y:
        break
    else:
        z()
