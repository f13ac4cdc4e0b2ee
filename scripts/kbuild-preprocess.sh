#!/usr/bin/env bash
# Re-run kbuild's exact gcc command for module.c as a preprocessor-only run,
# writing OUTDIR/module.i: the oracle for LayoutExpert's preprocessor.
#
#   scripts/kbuild-preprocess.sh KERNEL FLAVOUR OUTDIR [-o FILE] [EXTRA_GCC_FLAG...]
#   scripts/kbuild-preprocess.sh KERNEL FLAVOUR OUTDIR --print-syntax-only
#
# Run scripts/build-module.sh KERNEL FLAVOUR OUTDIR first: the command comes
# from OUTDIR/.module.o.cmd. The rewrite is minimal, so that everything that
# shapes preprocessing (-nostdinc, -I order, -include, -D, -m/-f/-std flags)
# stays as kbuild had it:
#   - the objtool step kbuild chains after ';' is cut off;
#   - make's escapes in .cmd files are undone ('$$' -> '$', '$(pound)' -> '#');
#   - -Wp,-MMD,FILE / -Wp,-MD,FILE (dependency output) is dropped;
#   - '-c -o module.o' becomes '-E -o OUTDIR/module.i' (or -o FILE);
#   - EXTRA_GCC_FLAGs (e.g. -dM, -H, -P) are inserted before -E.
# --print-syntax-only runs nothing: it prints the directory to run in, then
# kbuild's command with -fsyntax-only in place of '-c -o module.o', one
# argument per line (bench/ times gcc's own front end with it).
# The command runs from the flavour tree, as kbuild ran it (its -I paths are
# relative to that directory).
set -euo pipefail

usage() { echo "usage: $0 KERNEL FLAVOUR OUTDIR [-o FILE] [EXTRA_GCC_FLAG...]" >&2; exit 2; }
[ $# -ge 3 ] || usage
kernel=$1 flavour=$2 outdir=$3
shift 3
output=
print_syntax_only=0
if [ "${1:-}" = "--print-syntax-only" ]; then
  print_syntax_only=1
  shift
elif [ "${1:-}" = "-o" ]; then
  [ $# -ge 2 ] || usage
  output=$2
  shift 2
fi
extra=("$@")
cache=${LAYOUT_EXPERT_KERNEL_CACHE:-$HOME/.cache/layout-expert/kernels}
tree=$cache/$kernel/root/usr/src/linux-headers-$kernel-$flavour

die() { echo "kbuild-preprocess: $*" >&2; exit 1; }
[ -d "$tree" ] || die "no kbuild tree at $tree (run scripts/fetch-kernels.sh)"
[ -d "$outdir" ] || die "no directory $outdir"
outdir=$(cd "$outdir" && pwd)
cmdfile=$outdir/.module.o.cmd
[ -f "$cmdfile" ] || die "no $cmdfile (run scripts/build-module.sh $kernel $flavour $outdir first)"
output=${output:-$outdir/module.i}
case $output in /*) ;; *) output=$PWD/$output ;; esac

# First line: 'cmd_<obj> := <command>' (6.1) or 'savedcmd_<obj> := <command>' (6.12).
line=$(head -n 1 "$cmdfile")
case $line in
  cmd_*' := '* | savedcmd_*' := '*) ;;
  *) die "unexpected first line in $cmdfile" ;;
esac
command=${line#* := }
command=${command%%;*}
command=${command//'$(pound)'/#}
command=${command//'$$'/$}

# Rewrite as an argument array (the command is kbuild's own, shell-quoted).
eval "args=($command)"
rewritten=()
skip=0
for ((i = 0; i < ${#args[@]}; i++)); do
  a=${args[i]}
  if [ $skip -gt 0 ]; then skip=$((skip - 1)); continue; fi
  case $a in
    -Wp,-MMD,* | -Wp,-MD,*) ;;
    -c) ;;
    -o) skip=1 ;;
    *) rewritten+=("$a") ;;
  esac
done
# The source file is the last argument; flags go before it.
src=${rewritten[-1]}
unset 'rewritten[-1]'
[ "$src" = "$outdir/module.c" ] || die "kbuild compiled $src, not $outdir/module.c"
[ "${rewritten[0]}" != "" ] || die "empty command in $cmdfile"

cd "$tree"
if [ $print_syntax_only -eq 1 ]; then
  printf '%s\n' "$tree" "${rewritten[@]}" -fsyntax-only "$src"
  exit 0
fi
"${rewritten[@]}" "${extra[@]}" -E -o "$output" "$src"
