# eval and exec: expressions, statements, explicit globals/locals dicts, definitions visible afterwards.
print(eval('1 + 2 * 3'), eval('[x * 2 for x in range(3)]'), eval('"a" + "b"'), eval('7  '))
g = {'x': 10}
print(eval('x + 1', g), eval('x * y', g, {'y': 3}))
exec('z = 5')
print(z)
ns = {}
exec('def f(a):\n    return a * 2\nresult = f(21)', ns)
print(ns['result'], ns['f'](4), sorted(k for k in ns if not k.startswith('__')))
exec('for i in range(3):\n    print("loop", i)')
code = 'total = 0\nfor n in data:\n    total += n'
env = {'data': [1, 2, 3]}
exec(code, env)
print(env['total'])
print(eval('len(s)', {'s': 'abcd'}), eval('abs(-4)', {}))
try:
    eval('1 +')
except SyntaxError:
    print('SyntaxError')
try:
    eval('undefined_name_q')
except NameError:
    print('NameError')
print(exec('1') is None)
