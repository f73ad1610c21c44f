async def f():
    async with a as b:
        print(b)
