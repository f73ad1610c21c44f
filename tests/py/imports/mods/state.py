# Helper: shared mutable state for import tests.
runs = 0
