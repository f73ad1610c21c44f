# Syntax error: indented statement after a tab-indented line.
x = 1
	if x:
        pass
