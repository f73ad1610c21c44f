// Development aid for the golden corpus (not used by `cargo test`).
// node tools/mp_oracle_run.mjs DIR/name.py
// Runs name.py under MicroPython 1.27 (WebAssembly build installed by /work/shared/tools/mp-oracle)
// the way the unix port would run `micropython name.py` from DIR: the script's directory tree is
// mirrored into the in-memory filesystem at the same absolute path, sys.path[0] is that absolute
// directory, the traceback names the main file "name.py", and an uncaught SystemExit exits with
// its code (a non-int code is printed on stderr, status 1) instead of printing a traceback.
import fs from "fs";
import path from "path";
import os from "os";

const cache = process.env.PYRITE_MP_ORACLE ||
  path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), ".cache"), "pyrite-mp-oracle");
const pkg = path.join(cache, "node_modules/@micropython/micropython-webassembly-pyscript/micropython.mjs");
if (!fs.existsSync(pkg)) {
  process.stderr.write("run /work/shared/tools/mp-oracle once to install MicroPython\n");
  process.exit(99);
}
const { loadMicroPython } = await import(pkg);

const file = path.resolve(process.argv[2]);
const dir = path.dirname(file);
const base = path.basename(file);
let out = "";
const mp = await loadMicroPython({
  stdout: (line) => { out += line + "\n"; },
  stderr: (line) => { process.stderr.write(line + "\n"); },
});

function mkdirTree(p) {
  const parts = p.split("/").filter(Boolean);
  let cur = "";
  for (const part of parts) {
    cur += "/" + part;
    try { mp.FS.mkdir(cur); } catch (e) { /* exists */ }
  }
}
function mirror(src) {
  mkdirTree(src);
  for (const ent of fs.readdirSync(src, { withFileTypes: true })) {
    const p = path.join(src, ent.name);
    if (ent.isDirectory()) { if (ent.name !== "__pycache__") mirror(p); }
    else if (ent.name.endsWith(".py")) mp.FS.writeFile(p, fs.readFileSync(p));
  }
}
mirror(dir);
mp.FS.chdir(dir);
mp.runPython(`__import__('sys').path[0] = ${JSON.stringify(dir)}`);

const src = fs.readFileSync(file, "utf8");
let rc = 0;
let err = "";
try {
  mp.runPython(src);
} catch (e) {
  err = String(e.message ?? e).replace(/\n?$/, "\n");
  rc = 1;
}
const fix = (s) => s.split('"<stdin>"').join(JSON.stringify(base));
if (rc) {
  const lines = err.trimEnd().split("\n");
  const last = lines[lines.length - 1];
  const m = /^SystemExit(?:: ?(.*))?$/.exec(last);
  if (m) {
    const code = m[1] === undefined ? "" : m[1];
    if (code === "" || code === "None") rc = 0;
    else if (/^-?\d+$/.test(code)) rc = parseInt(code, 10) & 255;
    else { process.stderr.write(code + "\n"); rc = 1; }
    err = "";
  }
}
process.stdout.write(fix(out + err));
process.exit(rc);
