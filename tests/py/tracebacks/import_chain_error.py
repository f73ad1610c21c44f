# An import-time exception two modules deep lists each importing module's <module> frame.
import mods.importsbad
