# Syntax error: starred expression used as a statement.
*x
