# re: catastrophic backtracking raises RuntimeError instead of running for ever
# (CPython really does run for ever here, so it skips those lines; the .exp is the reference)
import re
import sys

for pat in ['(a*)*b', '(a|a)*b', '(a+)+b', '((a*)*)*b']:
    if sys.implementation.name == 'cpython':
        break
    try:
        print(re.match(pat, 'a' * 40))
    except RuntimeError:
        print('RuntimeError')
print(re.match('(a*)*', 'aaa').group(), re.match('(a*)+', 'b').span(), re.match('(|a)*', 'aa').span())
try:
    re.compile('(' * 200 + ')' * 200)
except Exception as e:
    print(type(e).__name__)
try:
    re.compile('a{1000}{1000}')
except Exception as e:
    print(type(e).__name__)
try:
    re.compile('(?:a{1000}){1000}')
except Exception as e:
    print(type(e).__name__)
