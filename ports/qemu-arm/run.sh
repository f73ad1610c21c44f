#!/bin/sh
# Cargo's runner: `cargo run [--release] [--features compiler] -- [SCRIPT]` runs the firmware
# under QEMU's mps2-an385 with semihosting; QEMU's exit status is the program's. QEMU does not
# own stdio (-nodefaults, no -nographic), so the program reads QEMU's stdin (`input()`).
# QEMU warns on stderr that the board's network card has no peer: harmless.
kernel="$1"; shift
exec qemu-system-arm -cpu cortex-m3 -machine mps2-an385 -nodefaults -display none \
  -semihosting-config enable=on,target=native -kernel "$kernel" ${1:+-append "$1"}
