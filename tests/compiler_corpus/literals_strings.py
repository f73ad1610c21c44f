a = 'short'
b = "a longer string literal"
c = 'a' 'b' "c"
d = b'bytes'
e = b'a longer bytes literal'
f = r'raw\n'
g = '''triple
quoted'''
h = 'esc\t\n\x41\u00e9\U0001F600\101'
i = b'\x00\xff'
j = ''
k = b''
l = 'print'
m = 'é'
n = 'tab\there'
o = 'it''s'
p = 'unknown \q escape'
