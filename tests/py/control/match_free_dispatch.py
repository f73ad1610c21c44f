# Dispatch patterns without match: dict of functions, chained conditionals, getattr-based dispatch.
def add(a, b): return a + b
def sub(a, b): return a - b
ops = {'+': add, '-': sub, '*': lambda a, b: a * b}
for op in '+-*/':
    f = ops.get(op)
    print(op, f(6, 3) if f else 'unknown')
class Handler:
    def on_start(self):
        return 'started'
    def on_stop(self):
        return 'stopped'
    def dispatch(self, event):
        return getattr(self, 'on_' + event, lambda: 'no handler for ' + event)()
h = Handler()
print(h.dispatch('start'), h.dispatch('stop'), h.dispatch('pause'))
