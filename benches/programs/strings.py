# String splitting, joining and formatting.
def run(n):
    words = "the quick brown fox jumps over the lazy dog and keeps running far away".split()
    total = 0
    out = []
    for i in range(n):
        line = " ".join(words[i % 5:] + words[:i % 5])
        parts = line.split(" ")
        s = "%s-%d-%s" % (parts[0], i, parts[-1].upper())
        f = "{}:{:>6}:{:.2f}".format(s, len(parts), i / 7)
        total += len(f) + line.count("o") + (1 if line.startswith("the") else 0)
        if i % 1000 == 0:
            out.append(f.replace("-", "+").strip())
    return total, out[:3]


print("strings", run(40000))
