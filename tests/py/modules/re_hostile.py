# re: catastrophic backtracking raises RuntimeError instead of running for ever
import re

for pat in ['(a*)*b', '(a|a)*b', '(a+)+b', '((a*)*)*b']:
    try:
        print(re.match(pat, 'a' * 40))
    except RuntimeError:
        print('RuntimeError')
print(re.match('(a*)*', 'aaa').group(), re.match('(a*)+', 'b').span(), re.match('(|a)*', 'aa').span())
try:
    re.compile('(' * 1000 + ')' * 1000)
except ValueError:
    print('ValueError')
try:
    re.compile('a{1000}{1000}')
except ValueError:
    print('ValueError')
try:
    re.compile('(?:a{1000}){1000}')
except ValueError:
    print('ValueError')
