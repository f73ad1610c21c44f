for x in y:
    try:
        pass
    except:
        break
else:
    pass
