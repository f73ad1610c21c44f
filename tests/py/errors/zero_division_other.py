# Division-by-zero messages for complex numbers and three-argument pow with modulus 0.
def check(f):
    try:
        f()
        print('no exception')
    except Exception as e:
        print(type(e).__name__ + ':', e)
check(lambda: (1 + 1j) / 0)
check(lambda: 1j / 0j)
check(lambda: pow(2, 3, 0))
