# SystemExit and KeyboardInterrupt are BaseExceptions: not caught by `except Exception`, caught explicitly.
import sys
try:
    try:
        sys.exit(3)
    except Exception:
        print('wrong: caught by Exception')
except SystemExit as e:
    print('SystemExit', e.args)
try:
    sys.exit()
except SystemExit as e:
    print('no-arg exit', e.args)
try:
    sys.exit('message')
except SystemExit as e:
    print('message exit', e.args)
try:
    raise KeyboardInterrupt
except BaseException as e:
    print(type(e).__name__, isinstance(e, Exception))
try:
    raise SystemExit(0)
except BaseException:
    print('caught SystemExit(0)')
print('still running')
