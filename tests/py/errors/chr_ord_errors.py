# Errors from chr() and ord() (flavours word the chr range error differently).
def check(f):
    try:
        f()
        print("no exception")
    except Exception as e:
        print(type(e).__name__ + ":", e)
check(lambda: chr(-1))
check(lambda: chr(0x110000))
check(lambda: chr('a'))
check(lambda: ord(''))
check(lambda: ord('ab'))
check(lambda: ord(1))
check(lambda: chr(1.5))
