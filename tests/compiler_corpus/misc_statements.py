pass
x = 1; y = 2; z = 3
if x: y = 1
while 0: pass
for i in []: pass
def f(): return 1
class C: pass
x = y = []
