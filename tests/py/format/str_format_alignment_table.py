# Building aligned text tables with str.format and f-strings.
rows = [('apple', 3, 0.5), ('banana', 12, 0.25), ('cherry', 100, 12.125)]
print('{:<8}|{:>5}|{:>8}'.format('name', 'qty', 'price'))
print('-' * 23)
for name, qty, price in rows:
    print('{:<8}|{:>5d}|{:>8.2f}'.format(name, qty, price))
total = sum(q * p for _, q, p in rows)
print(f'{"total":<8}|{"":>5}|{total:>8.2f}')
print('{:=^23}'.format(' end '))
