# Syntax error: comprehension ending in a bare `for`.
f(a for a in b for)
