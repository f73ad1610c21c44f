# sys.stdin and input(): reading the script's standard input (sys_stdin.py.stdin)
import sys

print(repr(sys.stdin.readline()))
print(repr(input()))
print(repr(input('prompt> ')))
print(repr(sys.stdin.read(6)))
print(repr(sys.stdin.readline()))
n = 0
for line in sys.stdin:
    n += 1
    print(n, repr(line))
    if n == 2:
        break
print(sys.stdin.readlines())
print(repr(sys.stdin.read()), repr(sys.stdin.readline()))
try:
    input()
except EOFError:
    print('EOFError')
