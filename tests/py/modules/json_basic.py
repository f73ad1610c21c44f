# json: dumps/loads round trips, separators, indent, escaping, dump/load with streams
import json

vals = [None, True, False, 0, -5, 2**70, 1.5, -0.0, 1e100, 1e-7, 'x', '', 'é\n"\\/\t\x01\u2028😀',
        [], [1, [2, [3]]], (1, 2), {}, {'a': 1, 'b': [True, None]}, {1: 'x', 2.5: 'y', True: 'z', None: 0}]
for v in vals:
    s = json.dumps(v)
    print(s, json.loads(s))
print(json.dumps([1.0, float('inf'), float('-inf')]), json.loads('[NaN]')[0] != json.loads('[NaN]')[0])
print(json.dumps({'a': [1, {'b': 2}]}, separators=(',', ':')))
print(json.dumps([1, 2], separators=(';', '=')), json.dumps({'k': 'v'}, separators=[', ', ' = ']))
print(json.dumps({'a': [1, 2], 'b': {}}, indent=2))
print(json.dumps([1, [2]], indent='\t'), json.dumps([], indent=4), json.dumps({}, indent=0))
print(json.loads('  [1, 2.5, -3e2, 0.5E+1, "x\\u00e9\\ud83d\\ude00\\n\\/", true, false, null, {"a": -1}]  '))
print(json.loads('{"a":1,"a":2}'), json.loads(b'[1]'), json.loads(bytearray(b'{"k": []}')))
print(json.loads('12345678901234567890123'), json.loads('-0'), json.loads('-0.0'), json.loads('1E3'))
print(json.loads('"\\"\\\\\\b\\f\\r\\t"'), json.loads('Infinity'), json.loads('-Infinity'))
print(type(json.loads('1')).__name__, type(json.loads('1.0')).__name__)

class Out:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)

class In:
    def __init__(self, s):
        self.s = s
    def read(self):
        return self.s

o = Out()
json.dump({'x': [1, 2]}, o)
print(''.join(o.parts))
o = Out()
json.dump([1, 2], o, separators=(',', ':'))
print(''.join(o.parts))
print(json.load(In('{"y": [3, 4]}')))
deep = [1]
for i in range(50):
    deep = [deep]
print(json.loads(json.dumps(deep)) == deep)
