vals = [0.0, -0.0, 0.5, 1.5, 2.5, -2.5, 0.125, 0.375, 1e-7, -1e-7, 123.456, 1e15, 1e16, 1e17, 1e22, 2.0**60, 2.0**70, 1e300, 5e-324, 1e-30, 0.1, 0.2, 0.3, 2.675, 1.005, 9.995, 99.995, -0.0049, 0.0049, 0.005, 0.015, 0.025, 1/3, 2/3, 1e-5, 123456789.125]
state = 12345
def rnd():
    global state
    state = (state * 1103515245 + 12345) & 0x7fffffff
    return state / 2147483648.0
for i in range(300):
    vals.append((rnd() - 0.5) * 2000)
    vals.append((rnd() - 0.5) * 10 ** int(rnd() * 45 - 20))
    vals.append(int(rnd() * 100000) / 1000 + 0.0005)
for v in vals:
    print(["%.0f" % v, "%.1f" % v, "%.2f" % v, "%.3f" % v, "%.6f" % v, "%.10f" % v, "%.17f" % v, "%f" % v, "{:.2f}".format(v), "{:#.0f}".format(v), "{:.3%}".format(v), "{:,.2f}".format(v), "{:+010.2f}".format(v), "{:.2F}".format(v)])
