# A bare `raise SystemExit` exits with status 0.
print('bye')
raise SystemExit
