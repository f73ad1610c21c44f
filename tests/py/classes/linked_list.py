# A linked-list container class implementing __len__, __iter__, __getitem__, __contains__, __repr__, __eq__.
class Node:
    def __init__(self, value, next=None):
        self.value, self.next = value, next
class LinkedList:
    def __init__(self, items=()):
        self.head = None
        self.size = 0
        for it in reversed(list(items)):
            self.push(it)
    def push(self, v):
        self.head = Node(v, self.head)
        self.size += 1
    def __len__(self):
        return self.size
    def __iter__(self):
        n = self.head
        while n:
            yield n.value
            n = n.next
    def __getitem__(self, i):
        if i < 0:
            i += self.size
        for j, v in enumerate(self):
            if j == i:
                return v
        raise IndexError('linked list index out of range')
    def __contains__(self, v):
        return any(x == v for x in self)
    def __repr__(self):
        return 'LinkedList([' + ', '.join(repr(v) for v in self) + '])'
    def __eq__(self, other):
        return list(self) == list(other)
ll = LinkedList([1, 'two', 3.0])
print(ll, len(ll), ll[0], ll[-1], 'two' in ll, 4 in ll, list(ll), ll == [1, 'two', 3.0])
ll.push(0)
print(ll, [x for x in ll if x], sorted(LinkedList([3, 1, 2])))
try:
    ll[10]
except IndexError as e:
    print('IndexError', e.args)
