#!/usr/bin/env bash
# Set up and run every test, the kernel tests included, on a fresh Debian 12
# machine with the .NET 10 SDK. Fetches the Debian kernel packages into the
# cache (scripts/fetch-kernels.sh), installs what the tests call (gcc, make,
# binutils), runs the whole solution's tests and ends with one line
# "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."

need=()
for pair in "gcc gcc" "make make" "readelf binutils" "xz xz-utils"; do
  read -r cmd pkg <<<"$pair"
  command -v "$cmd" >/dev/null 2>&1 || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  echo "test: installing ${need[*]}" >&2
  apt-get update -qq && apt-get install -y -qq "${need[@]}" >/dev/null
fi
command -v dotnet >/dev/null 2>&1 || { echo "test: the .NET 10 SDK (dotnet) is required" >&2; exit 1; }

scripts/fetch-kernels.sh >/dev/null || { echo "test: fetching the kernel packages failed" >&2; echo "0 passed, 1 failed"; exit 1; }

log=$(mktemp)
dotnet test LayoutExpert.sln -c Release --nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# dotnet test prints one summary line per test assembly:
#   "Passed!  - Failed:     0, Passed:    29, Skipped:     0, Total:    29, ..."
passed=$(grep -E '^(Passed|Failed)! ' "$log" | grep -Eo 'Passed: +[0-9]+' | awk '{s += $2} END {print s + 0}')
failed=$(grep -E '^(Passed|Failed)! ' "$log" | grep -Eo 'Failed: +[0-9]+' | awk '{s += $2} END {print s + 0}')
passed=${passed:-0}
failed=${failed:-0}
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # A build error or a crashed test host: count it as a failure.
  failed=1
fi
rm -f "$log"
echo "$passed passed, $failed failed"
[ "$status" -eq 0 ]
