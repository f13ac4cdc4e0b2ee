#!/usr/bin/env bash
# The main job on real data, on a fresh Debian 12 machine with the .NET 10 SDK:
# fetch the Debian 6.1 kernel headers, build LayoutExpert, and build the
# Pre-AST of the 6.1 -common tree (with the amd64 flavour's generated headers)
# for the project's own module.c.
#
#   scripts/main-job.sh [OUTDIR]     (default: ./out)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-out}
mkdir -p "$out"
cache=$(scripts/fetch-kernels.sh)
src=$cache/6.1.0-56/root/usr/src
dotnet build src/Driver -c Release --nologo -v q >/dev/null
exe=src/Driver/bin/Release/net10.0/layout-expert
"$exe" build-pre-ast \
  --linux-repository "$src/linux-headers-6.1.0-56-common" "$src/linux-headers-6.1.0-56-amd64" \
  -o "$out/linux-6.1.0-56.preast"
