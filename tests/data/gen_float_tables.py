"""Generates the float tables used by tests/prop_float.rs from CPython 3.11 (64-bit).

Run from this directory: python3 gen_float_tables.py. Every line is whitespace-separated;
floats are written as their 16-hex-digit bit patterns, parse inputs as hex of their UTF-8,
other strings as they are ("-" for an empty one).
"""
import math, random, struct, sys

random.seed(20240611)
assert sys.version_info[:2] == (3, 11)


def bits(x):
    return struct.unpack("<Q", struct.pack("<d", x))[0]


def fb(x):
    return "%016x" % bits(x)


def from_bits(b):
    return struct.unpack("<d", struct.pack("<Q", b))[0]


def hexs(s):
    return s.encode().hex() or "-"


def raw(s):
    """Formatted floats and specs are ASCII without spaces: written as they are."""
    assert s.isascii() and " " not in s
    return s or "-"


tricky = [0.0, -0.0, math.inf, -math.inf, math.nan, 1e16, 1e15, 9999999999999998.0, 1e17,
          1e-4, 1e-5, 0.0001234, 0.1, 0.2 + 0.1, 5e-324, -5e-324, 2.2250738585072014e-308,
          2.225073858507201e-308, 1.7976931348623157e308, -1.7976931348623157e308, 123.0, 2.675,
          0.5, 1.5, 2.5, -0.5, -1.5, 0.125, 0.375, 1e22, 1e23, 2.0**53, 2.0**63, 2.0**64, 1 / 3,
          2 / 3, 100.0, 1234567.0, 0.000123456, 1.0, -1.0, 10.0, 99.5, 999.5, 0.05, 0.15, 0.25,
          0.35, 9.5, 0.95, 0.995, 9.995, 1e100, 1e-100, 1e300, 1e-300, 123456789.0, 0.9999999,
          9.999999e-5, 1e-7, 4.35, 1.005, 2.0**-1074 * 3, 2.0**-1022, 2.0**1023, 1e21, 1e-6,
          12345.6789, 5e-5, 0.00015, 4503599627370497.5, 0.3, 7.0, 1.25e-05]
randoms = []
for _ in range(1500):
    x = from_bits(random.getrandbits(64))
    if math.isfinite(x):
        randoms.append(x)
nice = []
for _ in range(400):
    k = random.randint(0, 8)
    nice.append(round(random.uniform(-1000, 1000), k) * 10.0 ** random.randint(-12, 12))
halves = [(random.randint(0, 10**6) + 0.5) / 10 ** random.randint(0, 6) for _ in range(200)]
halves += [random.randint(1, 2**20) / 2 ** random.randint(1, 25) for _ in range(200)]
everything = tricky + randoms + nice + halves

with open("float_repr.txt", "w") as f:
    for x in everything:
        f.write("%s %s\n" % (fb(x), raw(repr(x))))

types = ["e", "E", "f", "F", "g", "G", "%", ""]
precs = [None, 0, 1, 2, 3, 5, 6, 10, 15, 17, 20, 30]
with open("float_format.txt", "w") as f:
    pool = tricky + nice + halves + randoms[:200]
    rows = 0
    for x in tricky:
        for t in types:
            for p in precs:
                for alt in ("", "#"):
                    spec = alt + ("" if p is None else ".%d" % p) + t
                    if t == "" and p is None and alt == "":
                        continue
                    f.write("%s %s %s\n" % (fb(x), raw(spec), raw(format(x, spec))))
                    rows += 1
    for _ in range(6000):
        x = random.choice(pool)
        t = random.choice(types)
        p = random.choice(precs)
        alt = random.choice(["", "", "#"])
        spec = alt + ("" if p is None else ".%d" % p) + t
        if spec == "":
            continue
        f.write("%s %s %s\n" % (fb(x), raw(spec), raw(format(x, spec))))
    # Printf-style, through the % operator.
    for _ in range(1500):
        x = random.choice(pool)
        t = random.choice("eEfFgG")
        p = random.choice(precs)
        alt = random.choice(["", "#"])
        spec = "%" + alt + ("" if p is None else ".%d" % p) + t
        f.write("%s %s %s\n" % (fb(x), raw(spec), raw(spec % x)))
    # Very long precisions: exact digits of tiny and huge values.
    for x in [5e-324, 2.2250738585072014e-308, 0.1, 1e22, 1.7976931348623157e308, 2.0**-1074 * 12345, 1 / 3]:
        for spec in [".400f", ".1100f", ".800e", ".770g", "#.770g", ".330", ".20f"]:
            f.write("%s %s %s\n" % (fb(x), raw(spec), raw(format(x, spec))))

with open("float_round.txt", "w") as f:
    nds = list(range(-10, 20)) + [-308, -307, -300, 300, 322, 323, 324, -309, 0, 0, 0, 1, 1, 2, 2]
    for x in tricky + nice + halves + randoms[:300]:
        for _ in range(4):
            n = random.choice(nds)
            try:
                r = fb(round(x, n))
            except OverflowError:
                r = "OVERFLOW"
            f.write("%s %d %s\n" % (fb(x), n, r))
    for x in [1.7976931348623157e308, -1.7976931348623157e308, 1e308, 5e307]:
        for n in (-308, -307, -306, -305):
            try:
                r = fb(round(x, n))
            except OverflowError:
                r = "OVERFLOW"
            f.write("%s %d %s\n" % (fb(x), n, r))

with open("float_ops.txt", "w") as f:
    pool = tricky + nice + randoms[:300] + [3.0, -3.0, 0.1, -0.1, 7.5, -7.5, 1e-300]
    for _ in range(3000):
        x = random.choice(pool)
        y = random.choice(pool)
        if y == 0.0 or math.isnan(y):
            continue
        try:
            q, m = divmod(x, y)
            assert (x % y) is not None
            f.write("%s %s %s %s %s\n" % (fb(x), fb(y), fb(q), fb(m), fb(x // y)))
        except (ZeroDivisionError, OverflowError):
            pass

with open("float_hash.txt", "w") as f:
    for x in everything:
        if math.isnan(x):
            continue
        h = hash(x)
        num, den = x.as_integer_ratio() if math.isfinite(x) else (0, 0)
        f.write("%s %d %d %d %d\n" % (fb(x), h, num, den, int(x.is_integer())))

parse_cases = ["1", "1.5", " 1.5 ", "-1.5", "+1.5", "1_000.5", "1_0e1_0", "1e5", ".5", "5.", "5.e3",
               ".5e-3", "1E5", "1e+5", "inf", "-inf", "+inf", "INF", "Infinity", "-iNfInItY", "nan",
               "-nan", "NaN", "+nan", "0", "-0", "0.0", "-0.0", "00.5", "1e400", "-1e400", "1e-400",
               "2.4703282292062328e-324", "2.4703282292062327e-324", "4.9406564584124654e-324",
               "1.7976931348623157e308", "1.7976931348623158e308", "1.7976931348623159e308",
               "0.1", "0.30000000000000004", "123456789012345678901234567890", "\t\n 7 \x0b\x0c\r",
               "\u3000 2.5 \xa0", "9007199254740993", "9007199254740992.5000000000000000000001",
               "1e-07", "1." + "0" * 1000 + "1", "0." + "0" * 500 + "1e500",
               "2.225073858507201136057409796709131975934819546351645648023426109724822222021076945516529523908135087914149158913039621106870086438694594645527657207407820621743379988141063267329253552286881372149012981122451451889849057222307285255133155755015914397476397983411801999323962548289017107081850690630666655994938275772572015763062690663332647565300009245888316433037779791869612049497390377829704905051080609940730262937128958950003583799967207254304360284078895771796150945516748243471030702609144621572289880258182545180325707018860872113128079512233426288368622321503775666622503982534335974568884423900265498198385487948292206894721689831099698365846814022854243330660339850886445804001034933970427567186443383770486037861622771738545623065874679014086723327636718751",
               "1e", "e5", "1.5.", "1__0", "_1", "1_", "1_.5", "1._5", "1e_5", "1e5_", "--1", "+-1",
               "1 .5", "", " ", ".", "-.", "infinit", "nan1", "in f", "0x10", "1,5", "1e+", "1e+-5",
               "١", "1.5j", "0b1", ". 5", "5 .", "ininf", "-", "1e5.5"]
with open("float_parse.txt", "w") as f:
    for s in parse_cases:
        try:
            r = fb(float(s))
        except ValueError:
            r = "ERR"
        f.write("%s %s\n" % (hexs(s), r))

print("ok")
