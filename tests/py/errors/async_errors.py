# Errors from awaiting non-awaitables inside coroutines driven by hand.
def check(f):
    try:
        f()
        print("no exception")
    except Exception as e:
        print(type(e).__name__ + ":", e)
def run(c):
    try:
        while True:
            c.send(None)
    except StopIteration as e:
        return e.value
async def await_int():
    await 1
async def await_none():
    await None
check(lambda: run(await_int()))
check(lambda: run(await_none()))
