x = 1 if a else 2
if a if b else c:
    pass
