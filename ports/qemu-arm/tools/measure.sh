#!/usr/bin/env bash
# Measure the port: flash (.vector_table + .text + .rodata + .data's initial values) and static
# RAM (.data + .bss + .uninit) of the release firmware with and without the compiler, and the
# smallest heap (in KiB, the frame stack included) in which the pystone-style benchmark runs,
# frozen (bytecode in flash, no compiler) and compiled on the chip from source.
# Run from ports/qemu-arm. Slow: it rebuilds the firmware for every heap size it tries.
set -euo pipefail
cd "$(dirname "$0")/.."
fw=target/thumbv7m-none-eabi/release/pyrite-qemu-arm
loops=${LOOPS:-2000}
sed "s/^LOOPS = .*/LOOPS = $loops/" ../../benches/programs/pystone.py >target/pystone.py

sizes() {
  llvm-size -A "$fw" | awk -v what="$1" '
    $1 == ".vector_table" || $1 == ".text" || $1 == ".rodata" { flash += $2 }
    $1 == ".data" { flash += $2; ram += $2 }
    $1 == ".bss" || $1 == ".uninit" { ram += $2 }
    $1 == ".text" { text = $2 } $1 == ".rodata" { ro = $2 }
    END { printf "%-28s flash %7d bytes (.text %d, .rodata %d)  static RAM %7d bytes\n", what, flash, text, ro, ram }'
}

echo "== sizes (opt-level z, LTO; heap 64 KiB)"
cargo build -q --release
sizes "without the compiler"
cargo build -q --release --features compiler
sizes "with the compiler"
cargo build -q --release --features vm-fast
sizes "fast VM profile, no compiler"

# runs KIB [FEATURES]: whether pystone runs in a heap of KIB KiB.
runs() {
  local kib=$1 feat=${2:-}
  if [ -n "$feat" ]; then
    PYRITE_HEAP_KB=$kib cargo build -q --release --features "$feat"
    timeout 600 ./run.sh "$fw" target/pystone.py >target/pystone.out 2>&1 || true
  else
    PYRITE_HEAP_KB=$kib PYRITE_MAIN=target/pystone.py cargo build -q --release
    timeout 600 ./run.sh "$fw" >target/pystone.out 2>&1 || true
  fi
  grep -q "^pystone checksum" target/pystone.out
}

smallest() {
  local lo=$3 hi=$4
  # invariant: runs(hi) and not runs(lo)
  runs "$hi" "$2" || { echo "$1: pystone does not run in $hi KiB"; return; }
  while [ $((hi - lo)) -gt 1 ]; do
    mid=$(((lo + hi) / 2))
    if runs "$mid" "$2"; then hi=$mid; else lo=$mid; fi
  done
  echo "$1: pystone ($loops loops) runs in a heap of $hi KiB, not in $lo KiB"
}

echo "== smallest heap for pystone"
smallest "frozen, no compiler" "" 4 64
smallest "compiled on the chip" compiler 16 256
