#!/usr/bin/env python3
"""Check the golden test corpus under tests/py against CPython.

For every test script (tests/py/**/NAME.py, skipping directories named `mods`, `__pycache__`
and files whose name starts with `_`), run `python3 NAME.py` twice in the script's own
directory (with different PYTHONHASHSEEDs) and report:

  * crashes: an uncaught exception under CPython in a script that has no `.exp` (a script
    meant to die must check in MicroPython's traceback as `.exp`), or a `.exp` whose final
    exception class differs from CPython's (modulo the documented aliases);
  * non-determinism: the two runs differ in stdout or exit status;
  * `.exp` / `.cp.exp` files that differ from CPython's stdout in lines other than exception
    and traceback lines (lines naming an exception class, `Traceback ...`, `  File ...`);
    these diffs are printed for review;
  * redundant `.exp` files (identical to CPython's output) and `.cp.exp` files identical to
    the `.exp`.

In expected files, `$DIR` stands for the real absolute path of the script's directory
(imported modules appear in MicroPython tracebacks under their absolute path).

Options:
  --oracle   also run each script under MicroPython (tools/mp_oracle_run.mjs) and show where
             its output differs from the micropython-flavour expectation (informational:
             MicroPython's own shortfalls show up here too).
  --mkexp    with --oracle: write NAME.py.exp from MicroPython's output where it differs from
             CPython's only in exception/traceback lines and no .exp exists yet.
  -v         print every script's status.
Paths given on the command line restrict the check to those files or directories.
"""
import argparse
import difflib
import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TESTS = os.path.join(ROOT, "tests", "py")
ORACLE = os.path.join(ROOT, "tools", "mp_oracle_run.mjs")

EXC_LINE = re.compile(
    r"^Traceback \(most recent call last\):$"
    r"|^  File \""
    r"|^\w*(Error|Exception|Exit|Iteration|Interrupt|Warning)\b"
    r"|^[A-Z]\w*:( |$)"
    r"|^During handling of the above exception, another exception occurred:$"
    r"|^The above exception was the direct cause of the following exception:$"
)
CHAIN_LINE = re.compile(r"^(During handling of the above|The above exception was)")
# CPython exception classes that MicroPython raises under another name.
ALIASES = {
    "RecursionError": "RuntimeError",
    "ModuleNotFoundError": "ImportError",
    "UnboundLocalError": "NameError",
    "FileNotFoundError": "OSError",
    "UnicodeDecodeError": "UnicodeError",
    "UnicodeEncodeError": "UnicodeError",
}


def discover(paths):
    found = []
    for p in paths:
        p = os.path.abspath(p)
        if os.path.isfile(p):
            found.append(p)
            continue
        for dirpath, dirnames, filenames in os.walk(p):
            dirnames[:] = sorted(d for d in dirnames if d not in ("mods", "__pycache__"))
            for f in sorted(filenames):
                if f.endswith(".py") and not f.startswith("_"):
                    found.append(os.path.join(dirpath, f))
    return sorted(set(found))


def run(cmd, cwd, seed):
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1", PYTHONHASHSEED=str(seed),
               PYTHONIOENCODING="utf-8")
    try:
        p = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, timeout=120)
    except subprocess.TimeoutExpired:
        return None, "TIMEOUT", -1
    return (p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace"),
            p.returncode)


def read(path, d):
    if not os.path.exists(path):
        return None
    with open(path, encoding="utf-8") as f:
        return f.read().replace("$DIR", os.path.realpath(d))


def final_exception_line(text):
    """The `Type: message` line that follows the last `  File ...` line of a traceback."""
    lines = text.splitlines()
    idx = [i for i, l in enumerate(lines) if l.startswith("  File ")]
    if not idx:
        return None
    for l in lines[idx[-1] + 1:]:
        if l and not l.startswith(" "):
            return l
    return None


def uncaught_type(stderr, rc):
    """The class name of CPython's uncaught exception, or None."""
    if rc != 1:
        return None
    line = final_exception_line(stderr)
    m = re.match(r"^([A-Za-z_][\w.]*)(:|$)", line or "")
    return m.group(1).split(".")[-1] if m else None


def exp_final_type(text):
    lines = [l for l in text.splitlines() if l.strip()]
    if lines and lines[-1].startswith("NotImplementedError: unicode name escapes"):
        return "NotImplementedError"
    if "Traceback (most recent call last):" not in text:
        return None
    m = re.match(r"^([A-Za-z_]\w*)(:|$)", final_exception_line(text) or "")
    return m.group(1) if m else None


def semantic_diff(a, b, name_a, name_b, ok_lines=()):
    """Unified diff of a vs b restricted to hunks with non-exception lines.
    Lines in ok_lines (CPython's stderr, i.e. its traceback) also count as exception lines."""
    ok_lines = set(ok_lines)
    al, bl = a.splitlines(), b.splitlines()
    sm = difflib.SequenceMatcher(None, al, bl, autojunk=False)
    bad = []
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal":
            continue
        lines = al[i1:i2] + bl[j1:j2]
        chained = any(CHAIN_LINE.match(l) for l in lines)
        if all(EXC_LINE.search(l) or l in ok_lines or (chained and not l) for l in lines):
            continue
        bad.append((i1, i2, j1, j2))
    if not bad:
        return None
    out = []
    for i1, i2, j1, j2 in bad:
        out.append("@@ %s:%d / %s:%d" % (name_a, i1 + 1, name_b, j1 + 1))
        out += ["-" + l for l in al[i1:i2]] + ["+" + l for l in bl[j1:j2]]
    return "\n".join(out)


def only_exc_diff(a, b):
    return semantic_diff(a, b, "a", "b") is None


def check(path, args):
    d, name = os.path.dirname(path), os.path.basename(path)
    rel = os.path.relpath(path, ROOT)
    issues, info = [], []
    out1, err1, rc1 = run([sys.executable, name], d, 1)
    out2, err2, rc2 = run([sys.executable, name], d, 2)
    if out1 is None:
        return rel, ["timeout under CPython"], info
    if (out1, rc1) != (out2, rc2):
        diff = "\n".join(difflib.unified_diff(out1.splitlines(), out2.splitlines(),
                                              "run1", "run2", lineterm="", n=1))
        issues.append("non-deterministic output (or exit status %d/%d):\n%s" % (rc1, rc2, diff))
    exp = read(path + ".exp", d)
    cpexp = read(path + ".cp.exp", d)
    if cpexp is not None and exp is None:
        issues.append(".cp.exp without .exp")
    utype = uncaught_type(err1, rc1)
    if rc1 not in (0, 1) and not re.search(r"sys\.exit|SystemExit", open(path, encoding="utf-8").read()):
        issues.append("exit status %d under CPython:\n%s" % (rc1, err1[-2000:]))
    if utype and exp is None:
        issues.append("uncaught %s under CPython and no .exp:\n%s" % (utype, err1[-2000:]))
    if rc1 == 1 and not utype and err1.strip() and exp is None and "sys.exit" not in open(path, encoding="utf-8").read():
        issues.append("exit status 1 with stderr:\n" + err1[-2000:])
    for label, text in ((".exp", exp), (".cp.exp", cpexp)):
        if text is None:
            continue
        ftype = exp_final_type(text)
        if utype and ftype != utype and ftype != ALIASES.get(utype) and not (
                utype in ("SyntaxError", "IndentationError") and ftype in
                ("SyntaxError", "IndentationError", "NotImplementedError", "NameError", "TypeError", "ValueError")):
            issues.append("%s ends with exception %s but CPython raised %s" % (label, ftype, utype))
        if ftype and not utype:
            issues.append("%s ends with a traceback (%s) but CPython exits normally" % (label, ftype))
        sd = semantic_diff(out1, text, "cpython", label, [l for l in err1.splitlines() if l.strip()])
        if sd:
            issues.append("%s differs from CPython outside exception lines:\n%s" % (label, sd))
    if exp is not None and exp == out1:
        issues.append(".exp is identical to CPython's output (redundant)")
    if cpexp is not None and cpexp == exp:
        issues.append(".cp.exp is identical to .exp (redundant)")
    if args.oracle:
        mout, merr, mrc = run(["node", ORACLE, path], d, 0)
        want = exp if exp is not None else out1
        if mout != want:
            diff = "\n".join(difflib.unified_diff(want.splitlines(), mout.splitlines(),
                                                  "expected(mp)", "micropython", lineterm="", n=1))
            dl = diff.splitlines()
            if len(dl) > 40:
                diff = "\n".join(dl[:40] + ["... (%d more lines)" % (len(dl) - 40)])
            info.append("MicroPython output differs (status %d):\n%s" % (mrc, diff))
            if (args.mkexp and exp is None and only_exc_diff(out1, mout)
                    and mrc in (0, 1) and (mrc == 1) == bool(utype)):
                with open(path + ".exp", "w", encoding="utf-8") as f:
                    f.write(mout.replace(os.path.realpath(d), "$DIR"))
                info.append("wrote " + os.path.basename(path) + ".exp")
        elif mrc != rc1 and not (utype and mrc == 1):
            info.append("MicroPython exit status %d, CPython %d" % (mrc, rc1))
    return rel, issues, info


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--oracle", action="store_true")
    ap.add_argument("--mkexp", action="store_true")
    ap.add_argument("-v", action="store_true")
    ap.add_argument("-j", type=int, default=os.cpu_count() or 4)
    args = ap.parse_args()
    tests = discover(args.paths or [TESTS])
    bad = 0
    with ThreadPoolExecutor(args.j) as ex:
        for rel, issues, info in ex.map(lambda p: check(p, args), tests):
            if issues:
                bad += 1
            if issues or info or args.v:
                print("==", rel, "OK" if not issues else "PROBLEM")
                for i in issues:
                    print("  " + i.replace("\n", "\n    "))
                for i in info:
                    print("  [info] " + i.replace("\n", "\n    "))
    exps = sum(os.path.exists(t + ".exp") for t in tests)
    cps = sum(os.path.exists(t + ".cp.exp") for t in tests)
    print("%d scripts, %d .exp, %d .cp.exp, %d with problems" % (len(tests), exps, cps, bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
