# Range errors from int() bases and int.to_bytes overflow (flavours word them differently).
def check(f):
    try:
        f()
        print("no exception")
    except Exception as e:
        print(type(e).__name__ + ":", e)
check(lambda: int('1', 99))
check(lambda: int('1', 1))
check(lambda: (256).to_bytes(1, 'big'))
check(lambda: (65536).to_bytes(2, 'little'))
