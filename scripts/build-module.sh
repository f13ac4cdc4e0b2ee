#!/usr/bin/env bash
# Build the LayoutExpert type-carrier module (src/Driver/Module/module.c by
# default) with kbuild against one fetched Debian kernel flavour.
#
#   scripts/build-module.sh KERNEL FLAVOUR OUTDIR [SOURCE]
#
#   KERNEL   6.1.0-56 | 6.12.117+deb12   (directory under the kernel cache)
#   FLAVOUR  amd64 | cloud-amd64 | rt-amd64
#   OUTDIR   created if missing; receives module.c, Kbuild and kbuild's output
#   SOURCE   C file to build instead of src/Driver/Module/module.c
#
# Leaves OUTDIR/module.ko (DWARF 5: CONFIG_DEBUG_INFO=y makes kbuild pass -g,
# and CONFIG_DEBUG_INFO_DWARF_TOOLCHAIN_DEFAULT=y leaves the version to gcc 12,
# whose default is 5) and OUTDIR/.module.o.cmd (kbuild's exact gcc command).
#
# Kernel cache: $LAYOUT_EXPERT_KERNEL_CACHE, else ~/.cache/layout-expert/kernels
# (filled by scripts/fetch-kernels.sh).
#
# Packages: kbuild needs make, the compiler the flavour names (gcc-12, or
# x86_64-linux-gnu-gcc-12 for 6.12: package gcc-12), binutils (ld), and, when
# the flavour ships a vmlinux (6.12) with CONFIG_DEBUG_INFO_BTF_MODULES=y,
# pahole (package dwarves) for the module's BTF. The prebuilt kbuild tools
# (fixdep, modpost, objtool) need libelf1 and zlib1g. Missing packages are
# installed with apt-get install -y (needs root).
set -euo pipefail

usage() { echo "usage: $0 KERNEL FLAVOUR OUTDIR [SOURCE]" >&2; exit 2; }
[ $# -ge 3 ] && [ $# -le 4 ] || usage
kernel=$1 flavour=$2 outdir=$3
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source_file=${4:-$here/../src/Driver/Module/module.c}
cache=${LAYOUT_EXPERT_KERNEL_CACHE:-$HOME/.cache/layout-expert/kernels}
tree=$cache/$kernel/root/usr/src/linux-headers-$kernel-$flavour

die() { echo "build-module: $*" >&2; exit 1; }
[ -f "$tree/Makefile" ] || die "no kbuild tree at $tree (run scripts/fetch-kernels.sh)"
[ -f "$source_file" ] || die "no source file $source_file"

# The compiler kbuild will call: .kernelvariables sets CC to
# $(CROSS_COMPILE)gcc-12, and 6.12 forces CROSS_COMPILE=x86_64-linux-gnu-.
cc=gcc-12
if grep -qE '^override CROSS_COMPILE = x86_64-linux-gnu-' "$tree/.kernelvariables" 2>/dev/null; then
  cc=x86_64-linux-gnu-gcc-12
fi

# Packages kbuild needs, as (command package) pairs.
needs=("make make" "$cc gcc-12" "ld binutils" "objcopy binutils")
if [ -f "$tree/vmlinux" ] && grep -q '^CONFIG_DEBUG_INFO_BTF_MODULES=y' "$tree/.config"; then
  needs+=("pahole dwarves")
fi
missing=()
for pair in "${needs[@]}"; do
  read -r cmd pkg <<<"$pair"
  command -v "$cmd" >/dev/null 2>&1 || missing+=("$pkg")
done
for lib in libelf.so.1:libelf1 libz.so.1:zlib1g; do
  ldconfig -p | grep -F "${lib%%:*}" >/dev/null || missing+=("${lib##*:}")
done
if [ ${#missing[@]} -gt 0 ]; then
  mapfile -t missing < <(printf '%s\n' "${missing[@]}" | sort -u)
  echo "build-module: installing ${missing[*]}" >&2
  apt-get install -y -q "${missing[@]}" >&2 || {
    apt-get update -q >&2 && apt-get install -y -q "${missing[@]}" >&2; }
fi

# The compiler must be the one the configuration was made with: kbuild's
# Kconfig results (CONFIG_CC_HAS_*, CONFIG_GCC_VERSION) describe it.
want=$(sed -n 's/^CONFIG_CC_VERSION_TEXT="\(.*\)"$/\1/p' "$tree/.config")
have=$("$cc" --version | head -n1)
[ "$want" = "$have" ] || echo "build-module: warning: config made with '$want', building with '$have'" >&2

mkdir -p "$outdir"
outdir=$(cd "$outdir" && pwd)
# Start clean so that kbuild recompiles and rewrites .module.o.cmd.
rm -f "$outdir"/module.{o,ko,mod,mod.c,mod.o,i} "$outdir"/.module.*.cmd "$outdir"/.module.o.d \
      "$outdir"/Module.symvers "$outdir"/modules.order "$outdir"/.module-common.o
if [ "$(realpath "$source_file")" != "$outdir/module.c" ]; then
  cp "$source_file" "$outdir/module.c"
fi
printf 'obj-m += module.o\n' >"$outdir/Kbuild"

start=$(date +%s.%N)
if ! make -C "$tree" M="$outdir" modules >"$outdir/build.log" 2>&1; then
  cat "$outdir/build.log" >&2
  die "kbuild failed for $kernel $flavour"
fi
end=$(date +%s.%N)

[ -f "$outdir/module.ko" ] || die "kbuild produced no module.ko"
[ -f "$outdir/.module.o.cmd" ] || die "kbuild produced no .module.o.cmd"
grep -q '^ *Version: *5$' <(readelf --debug-dump=info "$outdir/module.o" 2>/dev/null | head -n 20) ||
  die "module.o has no DWARF 5 .debug_info"
if grep -q 'warning:' "$outdir/build.log"; then
  echo "build-module: gcc warnings (see $outdir/build.log):" >&2
  grep 'warning:' "$outdir/build.log" >&2
fi
printf 'build-module: %s %s built in %.1f s -> %s/module.ko\n' \
  "$kernel" "$flavour" "$(echo "$end - $start" | bc)" "$outdir" >&2
