# str.is* predicates on ASCII, unicode, empty strings, digits and whitespace.
tests = ['abc', 'ABC', 'Abc', 'abc123', '123', '', ' ', '\t\n', 'a b', 'Hello World', 'hello world',
         '½', '²', '٣', 'é', 'É', '_id', 'id1', '1id', 'class', 'Ünïcode', '12.5', '-1', '\x00']
for t in tests:
    print(t.encode(), t.isalpha(), t.isdigit(), t.isalnum(), t.isspace(), t.isupper(), t.islower(),
          t.istitle(), t.isnumeric(), t.isdecimal(), t.isidentifier(), t.isprintable(), t.isascii())
