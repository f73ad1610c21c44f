# str.find/rfind/index/rindex/count with start/end arguments and empty substrings.
s = 'hello world, hello moon'
print(s.find('hello'), s.find('hello', 1), s.rfind('hello'), s.find('xyz'), s.rfind('o'))
print(s.find('o', 5, 8), s.find('o', -4), s.rfind('o', 0, 5), s.find('', 3), s.rfind(''), s.find('', 100))
print(s.index('world'), s.rindex('l'), s.index('o', 5), s.rindex('hello', 0, 10))
print(s.count('o'), s.count('l'), s.count('hello'), s.count(''), s.count('o', 10), s.count('o', 5, 8))
print('aaaa'.count('aa'), 'aaaa'.find('aa', 1), ''.count(''), ''.find(''), 'abc'.find('c', -1))
print('ababab'.rfind('ab', 0, 5), 'ababab'.rfind('ab', 0, 6), 'abc'.find('abcd'))
print('é€😀é'.find('😀'), 'é€😀é'.rfind('é'), 'é€😀é'.count('é'))
for args in [('xyz',), ('o', 20), ('hello', 1, 5)]:
    try:
        s.index(*args)
    except ValueError:
        print('ValueError', args)
try:
    s.rindex('zzz')
except ValueError:
    print('ValueError rindex')
