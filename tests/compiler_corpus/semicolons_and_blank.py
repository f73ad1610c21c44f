# comment only line

x = 1  # trailing comment
if x:  # comment
    # inner comment
    y = 2

    z = 3
\
w = 4
a = [1,
# comment in list
2]
