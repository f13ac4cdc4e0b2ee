#!/usr/bin/env bash
# Builds the layout-expert CLI as a NativeAOT binary (net9.0: the only target
# framework this machine's NuGet mirror has the NativeAOT compiler for) and
# prints its path. A make-profile process then runs no JIT at all.
#
#   scripts/build-native.sh        -> prints .../publish/layout-expert
#
# Falls back to nothing: callers that cannot use the native binary use the
# net10.0 build (src/Driver/bin/Release/net10.0/layout-expert).
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet publish src/Driver -c Release -r linux-x64 -p:NativeBuild=true --nologo -v q >&2
echo "$PWD/src/Driver/bin/native/Release/net9.0/linux-x64/publish/layout-expert"
