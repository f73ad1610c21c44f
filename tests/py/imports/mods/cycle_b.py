# Helper for circular imports: sees only what cycle_a defined before importing it.
print('cycle_b start')
from . import cycle_a
B_VALUE = 'b sees ' + cycle_a.A_EARLY + ', has A_LATE: ' + str(hasattr(cycle_a, 'A_LATE'))
print('cycle_b end')
