#!/usr/bin/env python3
"""Run golden scripts on the emulated Cortex-M3 and compare with the host build.

Each script in tests/py that needs no operating system (no files, no `os`, no `sys.path`, no
helper modules from its directory) runs twice: under the host binary (`pyrite-unix`) and
under QEMU's mps2-an385 with the firmware built with the compiler, standard input its `.stdin`
file (else empty). Their stdout and exit status must be equal. Every run is wrapped in a timeout. Scripts listed in `tests/SKIP` (with a reason)
are not run.

    golden.py --firmware ELF --host PYRITE [--jobs N] [--timeout S] [--filter SUBSTR]

Run from the repository root. Prints 'N passed, N failed, N skipped'; exits 1 on a failure.
"""
import argparse
import concurrent.futures as cf
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))

# What a script must not use to run without an OS (the port has no filesystem, no `os`).
NEEDS_OS = re.compile(
    r"\b(import\s+(os|io|select|socket|_thread|ffi|subprocess|pathlib|tempfile|shutil)\b"
    r"|from\s+(os|io)\s+import|open\(|__file__|sys\.path|sys\.argv"
    r"|sys\.platform|sys\.implementation|platform\b|micropython\.mem|gc\.mem_)"
)


def local_modules(path):
    """Names a script could import from its own directory (helpers, `mods/`)."""
    d = os.path.dirname(path)
    names = set()
    for f in os.listdir(d):
        if f.endswith(".py"):
            names.add(f[:-3])
        elif os.path.isdir(os.path.join(d, f)):
            names.add(f)
    return names


def imports_local(path, src):
    names = local_modules(path)
    for m in re.finditer(r"^\s*(?:import|from)\s+([A-Za-z_][A-Za-z0-9_]*)", src, re.M):
        if m.group(1) in names:
            return True
    return False


def candidates(root, skip, flt):
    out, skipped = [], 0
    for d, dirs, files in os.walk(root):
        dirs[:] = sorted(x for x in dirs if x != "mods")
        for f in sorted(files):
            if not f.endswith(".py") or f.startswith("_"):
                continue
            p = os.path.join(d, f)
            rel = os.path.relpath(p, root)
            if flt and flt not in rel:
                continue
            if rel in skip:
                skipped += 1
                continue
            with open(p, encoding="utf-8", errors="replace") as fh:
                src = fh.read()
            if NEEDS_OS.search(src) or imports_local(p, src):
                skipped += 1
                continue
            out.append(p)
    return out, skipped


def run(cmd, timeout, stdin_path):
    # Output to a file, not a pipe: a semihosting write retries forever on a closed pipe.
    # Standard input is the script's `.stdin` file, if any.
    with tempfile.TemporaryFile() as out, \
            open(stdin_path if os.path.exists(stdin_path) else os.devnull, "rb") as inp:
        try:
            rc = subprocess.run(cmd, stdout=out, stderr=subprocess.DEVNULL,
                                stdin=inp, timeout=timeout).returncode
        except subprocess.TimeoutExpired:
            rc = "timeout"
        out.seek(0)
        return rc, out.read()


def qemu_cmd(firmware, script):
    # -nodefaults, not -nographic: QEMU leaves stdin to the semihosting console.
    return ["qemu-system-arm", "-cpu", "cortex-m3", "-machine", "mps2-an385",
            "-nodefaults", "-display", "none",
            "-semihosting-config", "enable=on,target=native", "-kernel", firmware,
            "-append", script]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--firmware", required=True)
    ap.add_argument("--host", required=True)
    ap.add_argument("--root", default="tests/py")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--timeout", type=float, default=20)
    ap.add_argument("--filter", default="")
    ap.add_argument("--list-failures", action="store_true")
    a = ap.parse_args()

    skip = set()
    skip_file = os.path.join(HERE, "SKIP")
    if os.path.exists(skip_file):
        for line in open(skip_file, encoding="utf-8"):
            line = line.split("#", 1)[0].strip()
            if line:
                skip.add(line)

    scripts, skipped = candidates(a.root, skip, a.filter)

    def one(p):
        host = run([a.host, p], a.timeout, p + ".stdin")
        emu = run(qemu_cmd(a.firmware, p), a.timeout, p + ".stdin")
        return p, host, emu

    passed, failed = 0, []
    with cf.ThreadPoolExecutor(a.jobs) as ex:
        for p, host, emu in ex.map(one, scripts):
            if host == emu and host[0] != "timeout":
                passed += 1
            else:
                failed.append((p, host, emu))
    for p, host, emu in failed:
        print(f"FAIL {p}: host exit {host[0]}, qemu exit {emu[0]}")
        if not a.list_failures:
            hl, el = host[1].decode(errors="replace").splitlines(), emu[1].decode(errors="replace").splitlines()
            for i in range(max(len(hl), len(el))):
                h = hl[i] if i < len(hl) else "<none>"
                e = el[i] if i < len(el) else "<none>"
                if h != e:
                    print(f"  line {i + 1}:\n    host: {h[:200]}\n    qemu: {e[:200]}")
                    break
    print(f"qemu-arm: {passed} passed, {len(failed)} failed, {skipped} skipped")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
