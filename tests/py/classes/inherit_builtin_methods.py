# Subclasses of builtins keep builtin behaviour: str/int/dict/list subclasses in operations and builtins.
class MyStr(str):
    def shout(self):
        return self.upper() + '!'
s = MyStr('hello')
print(s.shout(), len(s), s[1:3], s + ' world', s == 'hello', 'ell' in s, s.split('l'), {s: 1}['hello'])
class MyInt(int):
    def double(self):
        return self * 2
i = MyInt(21)
print(i.double(), i + 1, i > 20, hex(i), [0, 1, 2][MyInt(1)], range(MyInt(3))[-1], str(i))
class MyList(list):
    def total(self):
        return sum(self)
l = MyList([3, 1, 2])
l.append(4)
l.sort()
print(l, l.total(), len(l), l[0], l[-1], 4 in l, sorted(l, reverse=True), isinstance(l, list))
class MyDict(dict):
    def keys_sorted(self):
        return sorted(self)
d = MyDict(b=2, a=1)
d['c'] = 3
print(d.keys_sorted(), len(d), d.get('a'), list(d.items()), isinstance(d, dict))
