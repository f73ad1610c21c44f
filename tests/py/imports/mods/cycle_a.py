# Helper for circular imports: a imports b which imports a (partially initialised).
print('cycle_a start')
A_EARLY = 'a-early'
from . import cycle_b
A_LATE = 'a-late'
def from_b():
    return cycle_b.B_VALUE
print('cycle_a end')
