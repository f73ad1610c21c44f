# SystemExit passes through `except Exception` handlers and runs finally blocks before exiting with status 2.
import sys
def work():
    try:
        try:
            sys.exit(2)
        except Exception:
            print('not caught here')
    finally:
        print('cleanup')
work()
