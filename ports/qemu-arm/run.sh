#!/bin/sh
# Cargo's runner: `cargo run [--release] [--features compiler] -- [SCRIPT]` runs the firmware
# under QEMU's mps2-an385 with semihosting; QEMU's exit status is the program's.
kernel="$1"; shift
exec qemu-system-arm -cpu cortex-m3 -machine mps2-an385 -nographic -monitor none -serial none \
  -semihosting-config enable=on,target=native -kernel "$kernel" ${1:+-append "$1"}
