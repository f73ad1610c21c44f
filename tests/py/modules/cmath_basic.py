# cmath (micropython flavour): phase, polar, rect, exp, log, log10, sqrt, cos, sin, e, pi
try:
    import cmath
except ImportError:
    print('no cmath')
    raise SystemExit

def r(z):
    return (round(z.real, 9), round(z.imag, 9)) if isinstance(z, complex) else round(z, 9)

print(r(cmath.e), r(cmath.pi))
print(r(cmath.phase(1j)), r(cmath.phase(-1)), r(cmath.phase(1 + 1j)), cmath.phase(0))
print(tuple(r(x) for x in cmath.polar(1j)), tuple(r(x) for x in cmath.polar(3 + 4j)), cmath.polar(0))
print(r(cmath.rect(2, 0)), r(cmath.rect(1, cmath.pi / 2)), r(cmath.rect(2, 1)))
print(r(cmath.exp(0)), r(cmath.exp(1 + 1j)), r(cmath.exp(1j * cmath.pi)))
print(r(cmath.log(1)), r(cmath.log(-1)), r(cmath.log(1j)), r(cmath.log(8, 2)), r(cmath.log(1j, 2)))
print(r(cmath.log10(100)), r(cmath.log10(-10)), r(cmath.log10(1j)))
print(cmath.sqrt(-1), cmath.sqrt(4), cmath.sqrt(-4), r(cmath.sqrt(1j)), r(cmath.sqrt(3 - 4j)), cmath.sqrt(0))
print(r(cmath.cos(0)), r(cmath.cos(1j)), r(cmath.cos(1 + 2j)), r(cmath.sin(0)), r(cmath.sin(1j)), r(cmath.sin(1 + 2j)))
print(type(cmath.sqrt(4)).__name__, type(cmath.phase(1)).__name__)

def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__)
check(lambda: cmath.log(0))
check(lambda: cmath.log10(0))
check(lambda: cmath.sqrt('a'))
check(lambda: cmath.exp(1000))
