with a:
    with b:
        pass
    x = 1
