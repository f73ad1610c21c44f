# Syntax error: 'await' at module level.
await x
