# re: sub with templates, backrefs and functions; subn; split; findall; empty matches
import re

print(re.sub(r'\d', 'X', 'a1b2'), re.sub(r'(\w)(\d)', r'\2\1', 'a1b2'), re.sub(r'\d', lambda m: m.group() * 2, 'a1b2'))
print(re.sub(r'\d', 'X', 'a1b2c3', 2), re.sub(r'\d', 'X', 'a1b2c3', count=1), re.sub('a', 'b', 'aaa', 0))
print(re.sub(r'(?P<w>\w+)', r'<\g<w>>', 'hi yo'), re.sub(r'(\w+)', r'\g<1>!', 'hi yo'), re.sub('a', r'\g<0>\g<0>', 'cat'))
print(re.sub('x', r'\n\t\\', 'axb') == 'a\n\t\\b', re.sub('(a)|b', r'[\1]', 'ab'))
print(re.sub('x*', '-', 'abxd'), re.sub('', '-', 'abc'), re.sub('a|', '-', 'bab'))
print(re.compile('a').sub('c', 'banana'), re.compile('a').subn('c', 'banana'), re.compile('z').subn('c', 'ab'))
print(re.sub('(b)', lambda m: m.group(1).upper(), 'abcb'), re.sub(b'a', b'b', b'aXa'))
print(re.split(',', 'a,b,c'), re.split(',', 'a,b,c', maxsplit=1), re.split(',', 'a,b,c', 1))
print(re.split(r'(,)', 'a,b,c'), re.split(r'(,)|(;)', 'a,b;c'), re.split('x*', 'axbc'))
print(re.compile(r'\s+').split(' a  b '), re.compile('[,;]').split('a,b;c'), re.compile('[,;]').split('a,b;c', 1))
print(re.split('z', 'abc'), re.split(',', ''), re.split(b',', b'a,b'))
print(re.findall(r'(\w)(\d)', 'a1 b2 c'), re.findall(r'\d+', '12 a 345'), re.findall('a|', 'bab'))
print(re.findall(r'(a)(b)?', 'a ab'), re.findall('x', 'abc'), re.compile(r'\w').findall('a b'))
