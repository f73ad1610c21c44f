for x in y:
    try:
        if x:
            break
        continue
    finally:
        print(x)
while a:
    try:
        break
    except:
        continue
for x in y:
    with z:
        break
for x in y:
    for z in w:
        try:
            break
        finally:
            pass
def f():
    for x in y:
        try:
            return x
        finally:
            pass
while a:
    with b:
        with c:
            continue
for i in range(3):
    try:
        break
    finally:
        pass
