# Circular imports: the second module sees the partially initialised first module.
import mods.cycle_a
print(mods.cycle_a.A_LATE, mods.cycle_a.from_b())
