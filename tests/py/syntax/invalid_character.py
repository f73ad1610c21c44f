# Syntax error: a `$` character in source after valid lines.
assert(x, 'msg')
x = $
