# Syntax error: lambda non-default parameter after a default.
lambda x=1, y: 0
