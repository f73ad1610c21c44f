# asyncio Event and ThreadSafeFlag, as in MicroPython's extmod/asyncio/event.py.

from . import core


class Event:
    def __init__(self):
        self.state = False
        self.waiting = core.TaskQueue()

    def is_set(self):
        return self.state

    def set(self):
        # Wake every waiting task (call only from the loop's own code).
        while self.waiting.peek():
            core._task_queue.push(self.waiting.pop())
        self.state = True

    def clear(self):
        self.state = False

    # A generator (awaitable).
    def wait(self):
        if not self.state:
            self.waiting.push(core.cur_task)
            core.cur_task.data = self.waiting
            yield
        return True


class ThreadSafeFlag:
    # An event that may be set from outside the loop (a scheduled callback, an interrupt
    # handler through micropython.schedule); one task waits on it at a time.
    def __init__(self):
        self.state = 0
        self.task = None

    def set(self):
        self.state = 1

    def clear(self):
        self.state = 0

    def wait(self):
        if not self.state:
            core._io_queue.queue_flag(self)
            yield
        self.state = 0
