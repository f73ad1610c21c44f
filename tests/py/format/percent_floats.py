# %-formatting of floats: f e g with precisions, rounding, large/small magnitudes, inf/nan.
vals = [0.0, -0.0, 1.0, 0.5, 1.5, 2.675, 1234.5678, -0.000123456, 1e16, 1.5e-7, 123456789.0, float('inf'), float('-inf'), float('nan')]
for v in vals:
    print('%f %.2f %.0f %e %.3e %g %.3g %10.2f|' % (v, v, v, v, v, v, v, v))
print('%.10f' % (1 / 3), '%.15g' % 0.1, '%.1f' % 0.25, '%.1f' % 0.35, '%.2f' % 1.005)
print('%s %r' % (0.1, 0.1), '%5.1f%%' % 99.5)
