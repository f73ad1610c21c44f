async def f():
    async for x in y:
        print(x)
