# warnings (circuitpython flavour): warn and simplefilter
try:
    import warnings
except ImportError:
    warnings = None
    print('no warnings')

if warnings:
    warnings.warn('careful')
    warnings.warn('old', FutureWarning)
    warnings.simplefilter('ignore')
    warnings.warn('hidden')
    warnings.simplefilter('error')
    try:
        warnings.warn('raised')
    except Warning as w:
        print('caught', type(w).__name__, w)
    try:
        warnings.simplefilter('bogus')
    except Exception as e:
        print(type(e).__name__)
