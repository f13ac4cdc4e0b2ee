#!/usr/bin/env bash
# The main job on real data, on a fresh Debian 12 machine with the .NET 10 SDK:
# fetch the Debian 6.1 kernel headers and configs, build LayoutExpert, build
# the Pre-AST once per kernel tree (-common for amd64 and cloud-amd64,
# -common-rt for rt-amd64), and write a Volatility 3 ISF and a Rekall profile
# for each flavour's config. Each command logs its stages with their times and
# ends with a summary (types, symbols, key offsets such as task_struct.comm).
#
#   scripts/main-job.sh [OUTDIR]     (default: ./out)
#
# Debian's linux-image packages carry only a stub System.map (the real one is
# in the -dbg package), so these profiles have types and no symbols; pass a
# System.map with --system-map to make-profile to add them.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-out}
mkdir -p "$out"
cache=$(scripts/fetch-kernels.sh)
kernel=6.1.0-56
src=$cache/$kernel/root/usr/src
# The CLI as a NativeAOT binary: no JIT, so one make-profile process takes
# about 0.8 s instead of about 2 s (docs/architecture.md, "Speed").
exe=$(scripts/build-native.sh)

for tree in common common-rt; do
  flavour_dir=amd64; [ "$tree" = common-rt ] && flavour_dir=rt-amd64
  echo "== build-pre-ast: linux-headers-$kernel-$tree"
  "$exe" build-pre-ast --linux-repository "$src/linux-headers-$kernel-$tree" "$src/linux-headers-$kernel-$flavour_dir" \
    -o "$out/linux-$kernel-$tree.preast"
done

# One make-profile process per Pre-AST and format: the Pre-AST is loaded once
# and each config gets its own profile (named after the config) in the directory.
configs=$cache/$kernel/configs
for format in isf rekall; do
  echo "== make-profile: $kernel amd64 + cloud-amd64 ($format)"
  "$exe" make-profile --config "$configs/amd64.config" --config "$configs/cloud-amd64.config" --format "$format" \
    "$out/linux-$kernel-common.preast" -o "$out/profiles-$kernel"
  echo "== make-profile: $kernel rt-amd64 ($format)"
  "$exe" make-profile --config "$configs/rt-amd64.config" --format "$format" \
    "$out/linux-$kernel-common-rt.preast" -o "$out/profiles-$kernel/rt-amd64.$format.json"
done
echo "== profiles in $out/profiles-$kernel:"
ls -l "$out/profiles-$kernel"
