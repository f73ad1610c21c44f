# Syntax error: decimal literal with a leading zero.
0777
