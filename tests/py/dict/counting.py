# Common dict idioms: counting with get, grouping with setdefault, inverting, sorting by value, nested dicts.
text = 'the quick brown fox jumps over the lazy dog the end'
counts = {}
for w in text.split():
    counts[w] = counts.get(w, 0) + 1
print(counts)
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:3])
groups = {}
for w in text.split():
    groups.setdefault(len(w), []).append(w)
print(groups)
inv = {}
for k, v in counts.items():
    inv.setdefault(v, []).append(k)
print(sorted(inv.items()))
nested = {}
for a, b in [('x', 1), ('x', 2), ('y', 1)]:
    nested.setdefault(a, {})[b] = a * b
print(nested)
