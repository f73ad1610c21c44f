# Builtin exception hierarchy: issubclass relations for the standard classes.
pairs = [(ZeroDivisionError, ArithmeticError), (OverflowError, ArithmeticError), (KeyError, LookupError),
         (IndexError, LookupError), (ValueError, Exception), (UnicodeError, ValueError),
         (NotImplementedError, RuntimeError), (ImportError, Exception), (StopIteration, Exception),
         (GeneratorExit, Exception), (GeneratorExit, BaseException), (KeyboardInterrupt, Exception),
         (SystemExit, Exception), (SystemExit, BaseException), (Exception, BaseException),
         (AssertionError, Exception), (AttributeError, Exception), (NameError, Exception),
         (TypeError, Exception), (OSError, Exception), (EOFError, Exception), (MemoryError, Exception),
         (SyntaxError, Exception), (IndentationError, SyntaxError), (LookupError, Exception),
         (StopAsyncIteration, Exception), (KeyError, IndexError), (ArithmeticError, ValueError)]
for a, b in pairs:
    print(a.__name__, b.__name__, issubclass(a, b))
print(ZeroDivisionError.__bases__[0].__name__, KeyError.__bases__[0].__name__, ValueError.__bases__[0].__name__)
print(isinstance(KeyError(), LookupError), isinstance(ValueError(), Exception), isinstance(SystemExit(), Exception))
