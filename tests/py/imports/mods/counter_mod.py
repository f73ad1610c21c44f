# Helper: counts how many times it is executed, via a value stored in another module.
from . import state
state.runs += 1
RUN = state.runs
