# Syntax error: binary operator without a right operand.
x = 1 +
