# Syntax error: `import` with no module name.
import
