# Dict word counting with keys built at run time (not interned).
def make_text(n):
    syll = ["ka", "lo", "mi", "ne", "pu", "ra", "si", "to", "vu", "ze"]
    words = []
    x = 1
    for i in range(n):
        x = (x * 75 + 74) % 65537
        w = syll[x % 10] + syll[(x // 10) % 10] + (syll[(x // 100) % 10] if x % 3 else "")
        words.append(w)
    return " ".join(words)


def count(text):
    counts = {}
    for w in text.split():
        counts[w] = counts.get(w, 0) + 1
    return counts


text = make_text(60000)
total = 0
for rep in range(3):
    c = count(text)
    total += len(c)
top = sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[:3]
print("wordcount", total, top)
