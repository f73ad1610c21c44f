try:
    pass
except E as e:
    try:
        pass
    except F as f:
        pass
