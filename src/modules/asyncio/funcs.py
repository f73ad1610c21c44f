# asyncio wait_for, wait_for_ms and gather, as in MicroPython's extmod/asyncio/funcs.py.

from . import core


def _status_of(er):
    # The first argument of a CancelledError (circuitpython has no .value on exceptions).
    return er.args[0] if er.args else None


async def _run(waiter, aw):
    try:
        result = await aw
        status = True
    except BaseException as er:
        result = None
        status = er
    if waiter.data is None:
        # The waiter still sleeps: wake it, telling it how aw ended.
        if waiter.cancel():
            waiter.data = core.CancelledError(status, result)


async def wait_for(aw, timeout, sleep=core.sleep):
    aw = core._promote_to_task(aw)
    if timeout is None:
        return await aw
    # Run aw in a runner task that reports its end by cancelling our sleep.
    runner_task = core.create_task(_run(core.cur_task, aw))
    try:
        await sleep(timeout)
    except core.CancelledError as er:
        status = _status_of(er)
        if status is None:
            # Cancelled from outside: cancel aw too.
            runner_task.cancel()
            raise er
        elif status is True:
            return er.args[1]
        else:
            raise status
    # Timed out: cancel aw.
    runner_task.cancel()
    await runner_task
    raise core.TimeoutError


def wait_for_ms(aw, timeout):
    return wait_for(aw, timeout, core.sleep_ms)


class _Remove:
    @staticmethod
    def remove(t):
        pass


# A generator rather than a coroutine function (awaitable all the same).
def gather(*aws, return_exceptions=False):
    if not aws:
        return []

    def done(t, er):
        # Sub-task t ended with er (a StopIteration on success).
        nonlocal state
        if gather_task.data is not _Remove:
            # The gather task was already woken (another error, or it was cancelled).
            return
        elif not return_exceptions and not isinstance(er, StopIteration):
            state = er
        else:
            state -= 1
            if state:
                return
        core._task_queue.push(gather_task)

    ts = [core._promote_to_task(aw) for aw in aws]
    for i in range(len(ts)):
        if ts[i].state is not True:
            # Already finished or awaited elsewhere.
            raise RuntimeError("can't gather")
        ts[i].state = done

    gather_task = core.cur_task
    state = len(ts)
    cancel_all = False

    # Sleep until done() wakes us.
    gather_task.data = _Remove
    try:
        yield
    except core.CancelledError as er:
        cancel_all = True
        state = er

    for i in range(len(ts)):
        if ts[i].state is done:
            # Still running.
            ts[i].state = True
            if cancel_all:
                ts[i].cancel()
        elif isinstance(ts[i].data, StopIteration):
            ts[i] = ts[i].data.value
        else:
            ts[i] = ts[i].data

    if state:
        raise state
    return ts
