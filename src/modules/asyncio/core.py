# asyncio core: the task queue, Task, sleeping and the scheduler loop, as in MicroPython's
# extmod/asyncio (core.py, task.py). The task queue is a list kept sorted by wake-up time
# (first in, first out among equal times) instead of a pairing heap.

import sys
from time import sleep as _sleep_s

try:
    from time import ticks_ms as ticks, ticks_diff, ticks_add
except ImportError:
    # circuitpython: time has no ticks_*; monotonic milliseconds never wrap.
    from time import monotonic_ns as _monotonic_ns

    def ticks():
        return _monotonic_ns() // 1000000

    def ticks_diff(a, b):
        return a - b

    def ticks_add(a, b):
        return a + b


class CancelledError(BaseException):
    pass


try:
    TimeoutError = TimeoutError  # a builtin in the circuitpython flavour
except NameError:

    class TimeoutError(Exception):
        pass


# Used when calling Loop.call_exception_handler.
_exc_context = {"message": "Task exception wasn't retrieved", "exception": None, "future": None}


class TaskQueue:
    # Tasks ordered by their ph_key (a ticks value).
    def __init__(self):
        self.q = []

    def peek(self):
        q = self.q
        return q[0] if q else None

    def push(self, v, key=None):
        v.data = None
        if key is None:
            key = ticks()
        v.ph_key = key
        q = self.q
        i = len(q)
        while i > 0 and ticks_diff(q[i - 1].ph_key, key) > 0:
            i -= 1
        q.insert(i, v)

    def pop(self):
        return self.q.pop(0)

    def remove(self, v):
        q = self.q
        for i in range(len(q)):
            if q[i] is v:
                del q[i]
                return


class Task:
    # A coroutine scheduled to run. `state` is True while it runs, a TaskQueue of the
    # tasks awaiting it (or a callable to call when it ends), None when it finished and
    # nobody awaited it yet, False when it finished and was awaited. `data` is what it is
    # waiting on while it waits, its result (a StopIteration) or exception when done.
    def __init__(self, coro, globals=None):
        self.coro = coro
        self.data = None
        self.state = True
        self.ph_key = 0

    def __iter__(self):
        if not self.state:
            # Finished: note that it has been awaited.
            self.state = False
        elif self.state is True:
            self.state = TaskQueue()
        elif type(self.state) is not TaskQueue:
            # The state is used for something else (gather).
            raise RuntimeError("can't wait")
        return self

    __await__ = __iter__

    def __next__(self):
        if not self.state:
            # Finished: hand the result (a StopIteration) or the exception to the awaiter.
            if self.data is None:
                raise StopIteration
            raise self.data
        else:
            # Wait for it: put the calling task on its queue.
            self.state.push(cur_task)
            cur_task.data = self

    def done(self):
        return not self.state

    def cancel(self):
        if not self.state:
            return False
        if self is cur_task:
            raise RuntimeError("can't cancel self")
        # A task waiting on another task: cancel the innermost one.
        while isinstance(self.data, Task):
            self = self.data
        if hasattr(self.data, "remove"):
            # Waiting on a queue other than the run queue: take it off and run it now.
            self.data.remove(self)
            _task_queue.push(self)
        elif ticks_diff(self.ph_key, ticks()) > 0:
            # Sleeping on the run queue: bring it forward to now.
            _task_queue.remove(self)
            _task_queue.push(self)
        self.data = CancelledError
        return True


class SingletonGenerator:
    # What sleep_ms returns: the first step reschedules the current task at the wake-up
    # time and suspends it, the second ends the await.
    def __init__(self):
        self.state = None

    def __iter__(self):
        return self

    __await__ = __iter__

    def __next__(self):
        if self.state is not None:
            _task_queue.push(cur_task, self.state)
            self.state = None
            return None
        raise StopIteration


def sleep_ms(t, sgen=SingletonGenerator()):
    # Suspend the current task for t milliseconds (one generator serves every task: a
    # task uses it for one step at a time).
    assert sgen.state is None
    sgen.state = ticks_add(ticks(), max(0, t))
    return sgen


def sleep(t):
    return sleep_ms(int(t * 1000))


class IOQueue:
    # Waiting without busy looping. There is no stream polling (no select module):
    # ThreadSafeFlag waiters are checked in slices while the loop sleeps.
    def __init__(self):
        self.map = {}

    def queue_flag(self, flag):
        self.map[id(flag)] = flag
        flag.task = cur_task
        cur_task.data = self

    def remove(self, task):
        for k, f in list(self.map.items()):
            if f.task is task:
                del self.map[k]
                f.task = None

    def _ready(self):
        woke = False
        for k, f in list(self.map.items()):
            if f.state:
                del self.map[k]
                t = f.task
                f.task = None
                _task_queue.push(t)
                woke = True
        return woke

    def wait_io_event(self, dt):
        # Wait dt ms (-1: until a flag is set).
        if not self.map:
            if dt > 0:
                _sleep_s(dt / 1000)
            return
        start = ticks()
        while not self._ready():
            left = 10 if dt < 0 else min(10, dt - ticks_diff(ticks(), start))
            if left <= 0:
                break
            _sleep_s(left / 1000)


def _promote_to_task(aw):
    return aw if isinstance(aw, Task) else create_task(aw)


def create_task(coro):
    if not hasattr(coro, "send"):
        raise TypeError("coroutine expected")
    t = Task(coro, globals())
    _task_queue.push(t)
    return t


def run_until_complete(main_task=None):
    # Run tasks until main_task ends (or until no task is left), returning its result.
    global cur_task
    excs_all = (CancelledError, Exception)
    excs_stop = (CancelledError, StopIteration)
    while True:
        # Wait until the first task is due.
        dt = 1
        while dt > 0:
            dt = -1
            t = _task_queue.peek()
            if t:
                dt = max(0, ticks_diff(t.ph_key, ticks()))
            elif not _io_queue.map:
                cur_task = None
                return
            _io_queue.wait_io_event(dt)

        # Run it one step; it reschedules itself.
        t = _task_queue.pop()
        cur_task = t
        try:
            exc = t.data
            if not exc:
                t.coro.send(None)
            else:
                # A cancellation (or the exception of a task nobody awaited): throw it in.
                t.data = None
                t.coro.throw(exc)
        except excs_all as er:
            # The task ended.
            if t is main_task:
                cur_task = None
                if isinstance(er, StopIteration):
                    return er.value
                raise er
            if t.state:
                waiting = False
                if t.state is True:
                    # Nobody awaits it (yet).
                    t.state = None
                elif callable(t.state):
                    # gather's callback.
                    t.state(t, er)
                    t.state = False
                    waiting = True
                else:
                    # Wake the tasks awaiting it.
                    while t.state.peek():
                        _task_queue.push(t.state.pop())
                        waiting = True
                    t.state = False
                if not waiting and not isinstance(er, excs_stop):
                    # An exception ended a task nobody awaits: report it later unless
                    # someone awaits it first.
                    _task_queue.push(t)
                t.data = er
            elif t.state is None:
                # Still not awaited: call the exception handler.
                t.data = exc
                _exc_context["exception"] = exc
                _exc_context["future"] = t
                Loop.call_exception_handler(_exc_context)


def run(coro):
    return run_until_complete(create_task(coro))


async def _stopper():
    pass


_stop_task = None


class Loop:
    _exc_handler = None

    def create_task(coro):
        return create_task(coro)

    def run_forever():
        global _stop_task
        from .event import Event

        _stop_task = Event()
        run_until_complete(create_task(_stop_task.wait()))

    def run_until_complete(aw):
        return run_until_complete(_promote_to_task(aw))

    def stop():
        global _stop_task
        if _stop_task is not None:
            _stop_task.set()
            _stop_task = None

    def close():
        pass

    def set_exception_handler(handler):
        Loop._exc_handler = handler

    def get_exception_handler():
        return Loop._exc_handler

    def default_exception_handler(loop, context):
        print(context["message"], file=sys.stderr)
        print("future:", context["future"], "coro=", context["future"].coro, file=sys.stderr)
        exc = context["exception"]
        if hasattr(sys, "print_exception"):
            sys.print_exception(exc, sys.stderr)
        else:
            try:
                import traceback

                traceback.print_exception(exc, file=sys.stderr)
            except ImportError:
                print(repr(exc), file=sys.stderr)

    def call_exception_handler(context):
        (Loop._exc_handler or Loop.default_exception_handler)(Loop, context)


def get_event_loop(runq_len=0, waitq_len=0):
    return Loop


def current_task():
    if cur_task is None:
        raise RuntimeError("no running event loop")
    return cur_task


def new_event_loop():
    global _task_queue, _io_queue
    _task_queue = TaskQueue()
    _io_queue = IOQueue()
    return Loop


cur_task = None
new_event_loop()
