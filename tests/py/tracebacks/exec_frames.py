# Exceptions raised in exec()'d code show "<string>" frames.
src = 'def g():\n    return 1 + None\ng()\n'
print('exec')
exec(src)
