# gc.collect() can be called repeatedly and objects stay intact; memory churn does not change results.
import gc
data = [[i] * 10 for i in range(200)]
gc.collect()
gc.collect()
print(len(data), data[199][9], sum(len(x) for x in data))
for _ in range(3):
    junk = [str(i) * 5 for i in range(500)]
    del junk
    gc.collect()
print(data[0], data[-1][:3])
