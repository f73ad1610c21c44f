# An exception message containing newlines is printed raw across several lines.
raise RuntimeError('line one\nline two\n  line three')
