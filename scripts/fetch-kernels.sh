#!/usr/bin/env bash
# Fetch the Debian kernel header packages the tests and the main job use, into a
# cache outside the clone, with `apt-get download` + `dpkg -x` (no install:
# installing the 6.12 headers would drag in kernel images).
#
#   scripts/fetch-kernels.sh [CACHE_DIR]
#
# CACHE_DIR defaults to $LAYOUT_EXPERT_KERNEL_CACHE, else ~/.cache/layout-expert/kernels.
# Re-running is cheap: packages already extracted are skipped.
# Layout of the cache: CACHE_DIR/<kernel>/root is a file-system root holding
#   usr/src/linux-headers-<kernel>-{common,common-rt,amd64,cloud-amd64,rt-amd64}
#   usr/lib/linux-kbuild-<ver>   and   usr/src/linux-config-<ver>/config.*.xz
# and CACHE_DIR/<kernel>/configs/<flavour>.config holds each flavour's .config.
set -euo pipefail

cache="${1:-${LAYOUT_EXPERT_KERNEL_CACHE:-$HOME/.cache/layout-expert/kernels}}"
mkdir -p "$cache"

# kernel ABI name | kbuild package | config package | config file stem
kernels=(
  "6.1.0-56|linux-kbuild-6.1|linux-config-6.1"
  "6.12.117+deb12|linux-kbuild-6.12.117+deb12|linux-config-6.12"
)
flavours=(amd64 cloud-amd64 rt-amd64)

need_update=no
if ! apt-cache show linux-config-6.1 >/dev/null 2>&1; then need_update=yes; fi
if [ "$need_update" = yes ]; then
  echo "fetch-kernels: apt lists missing, running apt-get update" >&2
  apt-get update -qq
fi

for spec in "${kernels[@]}"; do
  IFS='|' read -r abi kbuild config <<<"$spec"
  dir="$cache/$abi"
  root="$dir/root"
  debs="$dir/debs"
  mkdir -p "$root" "$debs" "$dir/configs"
  pkgs=("linux-headers-$abi-common" "linux-headers-$abi-common-rt" "$kbuild" "$config")
  for f in "${flavours[@]}"; do pkgs+=("linux-headers-$abi-$f"); done
  for p in "${pkgs[@]}"; do
    stamp="$dir/.extracted-$p"
    [ -f "$stamp" ] && continue
    echo "fetch-kernels: $p" >&2
    (cd "$debs" && rm -f "${p}"_*.deb && apt-get download -q "$p" >/dev/null)
    dpkg -x "$debs/${p}"_*.deb "$root"
    rm -f "$debs/${p}"_*.deb
    touch "$stamp"
  done
  # The flavour Makefiles include the -common tree by absolute path; point them
  # into the cache so kbuild runs from here.
  for f in "${flavours[@]}"; do
    mk="$root/usr/src/linux-headers-$abi-$f/Makefile"
    [ -f "$mk" ] && sed -i -E "s#include /usr/src/#include $root/usr/src/#" "$mk"
  done
  # Each flavour's .config, uncompressed, beside the tree (the flavour
  # directory carries one too; the linux-config package is the distribution's).
  for f in "${flavours[@]}"; do
    cp "$root/usr/src/linux-headers-$abi-$f/.config" "$dir/configs/$f.config"
  done
done
echo "$cache"
