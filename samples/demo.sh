#!/bin/sh
# make demo: show what voxprep knows and does, with the tools in $1.
# Each stage runs only what this build has.
bin=$1
VOXPREP_DATADIR=${VOXPREP_DATADIR:-$(cd "$(dirname "$0")/.." && pwd)/schemas}
export VOXPREP_DATADIR
echo "== the service's rules, by severity (vox-lint --list-rules)"
"$bin/vox-lint" --list-rules | sed 1d | cut -f2 | sort | uniq -c
echo
echo "== rules that make the service reject or drop data"
"$bin/vox-lint" --list-rules | awk -F'\t' '$2 == "error" { print "  " $1 ": " $5 }' | head -12
echo "  ..."
echo
echo "== what a German dataset must look like (vox-lint -L de-DE --list-locales)"
"$bin/vox-lint" -L de-DE --list-locales
