#!/usr/bin/env bash
# Capture what the emulated compiler (the machine's gcc 12, the compiler the
# Debian 6.1 and 6.12 kernels were configured with) answers before it reads a
# line of source, into src/Preprocessing/Compiler/Facts/ (embedded resources of
# the Preprocessing project):
#
#   predefined-macros.h  gcc -dM -E of an empty file with kbuild's machine, -f,
#                        -O and -std flags for 6.1 (no -I, -D, -include): the
#                        base predefined macros, in gcc's -dM order. What other
#                        kbuild flag sets change is a table in code
#                        (src/Preprocessing/Compiler/KbuildMacroRules.cs).
#   attributes.txt       NAME HAS_ATTRIBUTE HAS_C_ATTRIBUTE: gcc's answers to
#                        __has_attribute(NAME) and __has_c_attribute(NAME).
#   builtins.txt         NAME VALUE: gcc's answer to __has_builtin(NAME).
#   assertions.txt       PREDICATE ANSWER: the assertions gcc predefines
#                        (#if #cpu(x86_64), a deprecated extension).
#   special-macros.txt   NAME: macros gcc defines (#ifdef is true) that -dM does
#                        not list, their expansion being computed (__LINE__,
#                        __has_attribute, _Pragma ...).
#
# Names asked about: every identifier spelled in cc1's read-only strings and
# every suffix of one (gcc's string tables are tail-merged: "packed" may only
# exist as the end of a longer string), plus every operand of __has_attribute,
# __has_builtin, __has_c_attribute and __has_cpp_attribute in the headers of
# the fetched kernels. The files keep the names with a non-zero answer and all
# names the kernel headers ask about; any other name is 0 (gcc's answer for a
# name it does not know). Attribute names are stored as gcc looks them up, with
# a __NAME__ spelling reduced to NAME (canonicalize_attr_name). In C, gcc 12
# answers __has_cpp_attribute exactly as __has_attribute, so it has no column.
#
#   scripts/capture-gcc-facts.sh [GCC]      (default: gcc-12)
#
# Kernel cache: $LAYOUT_EXPERT_KERNEL_CACHE, else ~/.cache/layout-expert/kernels.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
out=$here/../src/Preprocessing/Compiler/Facts
cache=${LAYOUT_EXPERT_KERNEL_CACHE:-$HOME/.cache/layout-expert/kernels}
gcc=${1:-gcc-12}
die() { echo "capture-gcc-facts: $*" >&2; exit 1; }
command -v "$gcc" >/dev/null || die "no $gcc"
command -v strings >/dev/null || die "no strings (package binutils)"
[ -d "$cache" ] || die "no kernel cache at $cache (run scripts/fetch-kernels.sh)"

# kbuild's flags for module.c under 6.1.0-56 amd64 (docs/kbuild-notes.md), minus
# -I, -include, -D, -Wp,-MMD and the file names. Warnings change no macro but
# are kept so that the command is kbuild's.
flags=(
  -nostdinc
  -Wall -Wundef -Werror=strict-prototypes -Wno-trigraphs -fno-strict-aliasing -fno-common
  -fshort-wchar -fno-PIE -Werror=implicit-function-declaration -Werror=implicit-int
  -Werror=return-type -Wno-format-security -std=gnu11
  -mno-sse -mno-mmx -mno-sse2 -mno-3dnow -mno-avx -fcf-protection=none -m64
  -falign-jumps=1 -falign-loops=1 -mno-80387 -mno-fp-ret-in-387
  -mpreferred-stack-boundary=3 -mskip-rax-setup -mtune=generic -mno-red-zone
  -mcmodel=kernel -Wno-sign-compare -fno-asynchronous-unwind-tables
  -mindirect-branch=thunk-extern -mindirect-branch-register -mindirect-branch-cs-prefix
  -mfunction-return=thunk-extern -fno-jump-tables -mharden-sls=all
  -fno-delete-null-pointer-checks -Wno-frame-address -Wno-format-truncation
  -Wno-format-overflow -Wno-address-of-packed-member -O2 -fno-allow-store-data-races
  -Wframe-larger-than=2048 -fstack-protector-strong -Wno-main -Wno-unused-but-set-variable
  -Wno-unused-const-variable -Wno-dangling-pointer -ftrivial-auto-var-init=zero
  -fno-stack-clash-protection -pg -mrecord-mcount -mfentry
  -Wvla -Wno-pointer-sign -Wcast-function-type -Wno-stringop-truncation
  -Wno-stringop-overflow -Wno-restrict -Wno-maybe-uninitialized -Wno-array-bounds
  -Wno-alloc-size-larger-than -Wimplicit-fallthrough=5 -fno-strict-overflow
  -fno-stack-check -fconserve-stack -Werror=date-time -Werror=incompatible-pointer-types
  -Werror=designated-init -fno-builtin-wcslen -Wno-packed-not-aligned -g
)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
version=$("$gcc" --version | head -n 1)
mkdir -p "$out"
header() {
  printf '// Captured by scripts/capture-gcc-facts.sh from %s\n' "$version"
  printf '// %s\n' "$1"
  printf '// flags: %s\n' "${flags[*]}"
}

# 1. The base predefined macros.
{
  header "gcc -dM -E of an empty C file"
  "$gcc" "${flags[@]}" -dM -E -x c /dev/null
} >"$out/predefined-macros.h"

# 2. Candidate names.
# Names gcc's preprocessor treats specially even under -undef: never operands.
"$gcc" "${flags[@]}" -undef -dM -E -x c /dev/null | awk '{print $2}' >"$work/special"
printf '%s\n' _Pragma defined __VA_ARGS__ __VA_OPT__ __has_include __has_include_next \
  __has_attribute __has_cpp_attribute __has_c_attribute __has_builtin __FILE__ __LINE__ \
  __COUNTER__ __DATE__ __TIME__ __TIMESTAMP__ __INCLUDE_LEVEL__ __BASE_FILE__ __FILE_NAME__ >>"$work/special"

cc1=$("$gcc" -print-prog-name=cc1)
[ -x "$cc1" ] || die "cannot find cc1 ($cc1)"
strings -n 2 "$cc1" | grep -oE '[A-Za-z_][A-Za-z0-9_]*' |
  awk '{ for (i = 1; i < length($0); i++) { s = substr($0, i); if (s ~ /^[A-Za-z_]/) print s } }' >"$work/from-cc1"

# Operands the kernel headers ask about, per operator.
# (grep exits 1 for files without a match; that is no error here.)
{ find "$cache" -name '*.h' -type f -print0 |
  xargs -0 grep -hoE '__has_(attribute|builtin|c_attribute|cpp_attribute)[[:space:]]*\([[:space:]]*[A-Za-z_][A-Za-z0-9_]*[[:space:]]*\)' || true; } |
  sed -E 's/[[:space:]]+//g; s/^__has_([a-z_]+)\((.*)\)$/\1 \2/' | sort -u >"$work/asked"
[ -s "$work/asked" ] || die "found no __has_* operands in the kernel headers under $cache"

{ cat "$work/from-cc1"; awk '{print $2}' "$work/asked"; } | sort -u | grep -vxFf "$work/special" >"$work/names"

# 3. Ask gcc: one line per name, "NAME ATTRIBUTE C_ATTRIBUTE BUILTIN". -undef keeps
# predefined macros (linux, unix, i386 ...) out of the operands, which gcc expands.
awk '{ printf "%s __has_attribute(%s) __has_c_attribute(%s) __has_builtin(%s)\n", "\"" $1 "\"", $1, $1, $1 }' "$work/names" >"$work/probe.c"
"$gcc" "${flags[@]}" -undef -E -P "$work/probe.c" >"$work/answers" 2>"$work/errors" ||
  die "gcc failed on the probes: $(head -n 5 "$work/errors")"
[ ! -s "$work/errors" ] || die "gcc complained about the probes: $(head -n 5 "$work/errors")"
[ "$(wc -l <"$work/answers")" -eq "$(wc -l <"$work/names")" ] || die "probe output does not match the names"

# Asked attribute names, canonical (gcc strips __ on both sides of a name).
canon='{ n = $0; if (n ~ /^__.+__$/ && length(n) > 4) n = substr(n, 3, length(n) - 4); print n }'
awk '$1 == "attribute" || $1 == "c_attribute" || $1 == "cpp_attribute" {print $2}' "$work/asked" | awk "$canon" | sort -u >"$work/asked-attributes"
awk '$1 == "builtin" {print $2}' "$work/asked" | sort -u >"$work/asked-builtins"

{
  header "NAME __has_attribute(NAME) __has_c_attribute(NAME); __NAME__ answers as NAME; any other name: 0 0"
  tr -d '"' <"$work/answers" | awk -v asked="$work/asked-attributes" '
    BEGIN { while ((getline n < asked) > 0) want[n] = 1 }
    {
      n = $1; if (n ~ /^__.+__$/ && length(n) > 4) n = substr(n, 3, length(n) - 4)
      if (n != $1) { spelled[n] = $2 " " $3; next }
      if ($2 != 0 || $3 != 0 || (n in want)) print n, $2, $3
      seen[n] = 1
    }
    END { for (n in spelled) if (!(n in seen)) { split(spelled[n], v, " "); if (v[1] != 0 || v[2] != 0 || (n in want)) print n, v[1], v[2] } }' |
    sort -u
} >"$out/attributes.txt"

{
  header "NAME __has_builtin(NAME); any other name: 0"
  tr -d '"' <"$work/answers" | awk -v asked="$work/asked-builtins" '
    BEGIN { while ((getline n < asked) > 0) want[n] = 1 }
    $4 != 0 || ($1 in want) { print $1, $4 }' | sort -u
} >"$out/builtins.txt"

# 4. Predefined assertions: gcc -dM does not list them; ask for likely answers.
{
  header "PREDICATE ANSWER: #PREDICATE(ANSWER) is true"
  for predicate in system cpu machine; do
    for answer in linux unix posix gnu gnu_linux x86_64 x86 i386 i486 i586 i686 amd64 x86-64; do
      printf '#if #%s(%s)\n"%s" "%s"\n#endif\n' "$predicate" "$answer" "$predicate" "$answer"
    done
  done >"$work/assert.c"
  # Quoted, since linux and unix are macros; answers inside #pred(...) are not expanded.
  "$gcc" "${flags[@]}" -Wno-deprecated -E -P "$work/assert.c" | tr -d '"'
} >"$out/assertions.txt"

# 5. Built-in macros that -dM does not list: ask #ifdef about the known candidates.
{
  header "NAME: #ifdef NAME is true, gcc -dM does not list it"
  for name in __has_attribute __has_cpp_attribute __has_c_attribute __has_builtin __has_include \
    __has_include_next __has_feature __has_extension __FILE__ __LINE__ __COUNTER__ __DATE__ __TIME__ \
    __TIMESTAMP__ __INCLUDE_LEVEL__ __BASE_FILE__ __FILE_NAME__ _Pragma; do
    printf '#ifdef %s\n"%s"\n#endif\n' "$name" "$name"
  done >"$work/special.c"
  "$gcc" "${flags[@]}" -E -P "$work/special.c" | tr -d '"'
} >"$out/special-macros.txt"

printf 'capture-gcc-facts: %s\n' "$version" >&2
printf '  %s predefined macros, %s attribute lines, %s builtin lines, %s assertions (from %s names)\n' \
  "$(grep -c '^#define' "$out/predefined-macros.h")" "$(grep -vc '^//' "$out/attributes.txt")" \
  "$(grep -vc '^//' "$out/builtins.txt")" "$(grep -vc '^//' "$out/assertions.txt")" "$(wc -l <"$work/names")" >&2
