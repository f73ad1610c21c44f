#!/usr/bin/env bash
# The qemu-arm step of .ci/run (run from the repository root): installs the Cortex-M targets and
# QEMU, builds the core for thumbv6m (no compare-and-swap atomics) and the firmware for
# thumbv7m, runs the frozen program, then the golden scripts on the emulated chip against the
# host build. If a target or QEMU cannot be installed, says so in one loud line and succeeds.
set -uo pipefail
cd "$(dirname "$0")/../.."

skip() {
  echo "!!!!! SKIPPED: ports/qemu-arm (Cortex-M under QEMU) did not run: $* !!!!!"
  exit 0
}

command -v rustup >/dev/null 2>&1 || skip "rustup is not on PATH (needed to add the thumbv7m/thumbv6m targets)"
if ! timeout 300 rustup target add thumbv7m-none-eabi thumbv6m-none-eabi >/tmp/qemu-arm-rustup.log 2>&1; then
  skip "'rustup target add thumbv7m-none-eabi thumbv6m-none-eabi' failed: $(tail -1 /tmp/qemu-arm-rustup.log)"
fi
if ! command -v qemu-system-arm >/dev/null 2>&1; then
  sudo=""
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null 2>&1 || skip "qemu-system-arm is missing and we are not root (no sudo)"
    sudo="sudo -n"
  fi
  if ! { timeout 300 $sudo apt-get update -q && timeout 600 $sudo env DEBIAN_FRONTEND=noninteractive \
      apt-get install -y -q --no-install-recommends qemu-system-arm; } >/tmp/qemu-arm-apt.log 2>&1; then
    skip "'apt-get install qemu-system-arm' failed: $(tail -1 /tmp/qemu-arm-apt.log)"
  fi
  command -v qemu-system-arm >/dev/null 2>&1 || skip "qemu-system-arm installed but not on PATH"
fi
set -e

echo "--- formatting of the port (its own workspace: the root's cargo fmt does not see it)"
(cd ports/qemu-arm && cargo fmt -- --check)

echo "--- clippy on the port (thumbv7m-none-eabi, its own workspace), without and with the compiler"
(cd ports/qemu-arm && cargo clippy -q -- -D warnings && cargo clippy -q --features compiler -- -D warnings)

echo "--- the core for thumbv6m-none-eabi (Cortex-M0: no atomic read-modify-write)"
cargo check -q -p pyrite --target thumbv6m-none-eabi --no-default-features \
  --features micropython,compiler,gc-marksweep
cargo check -q -p pyrite --target thumbv6m-none-eabi --no-default-features \
  --features circuitpython,gc-incremental

echo "--- firmware for mps2-an385 (thumbv7m, compiler, 2 MiB heap like the host's)"
(cd ports/qemu-arm && PYRITE_HEAP_KB=2048 cargo build -q --release --features compiler)
fw=ports/qemu-arm/target/thumbv7m-none-eabi/release/pyrite-qemu-arm
if command -v llvm-size >/dev/null 2>&1; then llvm-size "$fw"; fi

echo "--- the frozen main.py"
timeout 30 ports/qemu-arm/run.sh "$fw" >/tmp/qemu-arm-main.txt
diff -u ports/qemu-arm/expected.txt /tmp/qemu-arm-main.txt

echo "--- a script from the command line, an uncaught exception's exit status"
printf 'print(6 * 7)\nraise ValueError("x")\n' >/tmp/qemu-arm-exc.py
status=0
timeout 30 ports/qemu-arm/run.sh "$fw" /tmp/qemu-arm-exc.py >/tmp/qemu-arm-exc.txt || status=$?
head -1 /tmp/qemu-arm-exc.txt | grep -qx 42 && [ "$status" = 1 ] \
  || { echo "expected 42 and exit status 1, got status $status:"; cat /tmp/qemu-arm-exc.txt; exit 1; }

echo "--- the board: machine.Timer from the SysTick interrupt, pins and their edge interrupts"
for t in ports/qemu-arm/tests/*.py; do
  [ -f "$t.exp" ] || continue
  timeout 30 ports/qemu-arm/run.sh "$fw" "$t" 2>/dev/null >/tmp/qemu-arm-board.txt
  diff -u "$t.exp" /tmp/qemu-arm-board.txt
done

echo "--- golden scripts: emulated Cortex-M3 against the host build"
cargo build -q -p pyrite-unix
python3 ports/qemu-arm/tests/golden.py --firmware "$fw" --host target/debug/pyrite --jobs 2 --timeout 30
