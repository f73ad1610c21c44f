# Subclassing list: overriding append, extra attributes, super() calls, behaviour of builtins.
class Stack(list):
    def push(self, x):
        self.append(x)
    def peek(self):
        return self[-1]
s = Stack([1, 2])
s.push(3)
print(s, s.peek(), len(s), isinstance(s, list), type(s).__name__, s.pop(), s)
class Logged(list):
    def append(self, x):
        print('append', x)
        super().append(x)
    def __getitem__(self, i):
        r = super().__getitem__(i)
        return ('item', r)
lg = Logged()
lg.append(5)
lg.append(6)
print(lg[0], lg[1], list(lg), len(lg), lg + [7], type(lg + [7]).__name__)
class Tagged(list):
    def __init__(self, items, tag):
        super().__init__(items)
        self.tag = tag
t = Tagged('ab', 'T')
print(t, t.tag, sorted(t, reverse=True), t == ['a', 'b'])
