#!/bin/sh
# Objects depend on the flags they were built with, kept in $(O)/.flags
# as git keeps GIT-CFLAGS: after a make, the same make rebuilds nothing,
# and one with other flags (CC, CFLAGS, CPPFLAGS, LDFLAGS, a variant
# variable) rebuilds every object and program; another DATADIR (make
# install PREFIX=...) rebuilds lib/profile.o and relinks, nothing more.
# Built once in a scratch O with the default flags, whatever make runs
# this; the probes are make -n, which the .flags rule answers truly.
set -u
d=$(mktemp -d) || exit 3
trap 'rm -rf "$d"' EXIT
o=$d/o
mk() {
	env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL -u SANITIZE -u RESAMPLER \
	    -u DEVELOPER -u O -u CC -u CFLAGS -u CPPFLAGS -u LDFLAGS \
	    -u DATADIR -u PREFIX make --no-print-directory O="$o" "$@"
}
if ! mk -s -j2 all unit >"$d/log" 2>&1; then
	echo "check-flags: make fails:"
	tail -20 "$d/log"
	exit 1
fi
nlib=$(ls lib/*.c | wc -l)
ntool=$(ls tools/*.c | wc -l)
nunit=$(ls tests/unit/*.c | wc -l)
bad=0

# count WHAT FILE: the commands of make -n output FILE that build WHAT
# (lib, tools: compile; bin, unit: link; a: the library).
count() {
	case $1 in
	a) grep -c -- "^ar rcs $o/libvoxprep.a " "$2" ;;
	lib|tools) grep -c -- "[[:space:]]-c -o $o/$1/[^ ]*\.o " "$2" ;;
	*) grep -c -- "[[:space:]]-o $o/$1/[^ ]* " "$2" ;;
	esac
}

# probe NAME LIB TOOLS A BIN UNIT [VAR=VALUE ...]: make -n with the
# variables rebuilds that many of each.
probe() {
	name=$1 want="$2 $3 $4 $5 $6"
	shift 6
	mk -n all unit "$@" >"$d/n" 2>&1
	got="$(count lib "$d/n") $(count tools "$d/n") $(count a "$d/n")"
	got="$got $(count bin "$d/n") $(count unit "$d/n")"
	if [ "$got" != "$want" ]; then
		echo "check-flags: make $name rebuilds $got (lib, tools," \
		    "library, programs, unit tests), expected $want:"
		cut -c 1-150 "$d/n" | sed 's/^/	/' | head -10
		bad=1
	fi
}

probe "again" 0 0 0 0 0
probe "again" 0 0 0 0 0
probe "DATADIR=/elsewhere" 1 0 1 "$ntool" "$nunit" DATADIR=/elsewhere
all="$nlib $ntool 1 $ntool $nunit"
# shellcheck disable=SC2086
probe "CFLAGS=-O0" $all CFLAGS=-O0
# shellcheck disable=SC2086
probe "CPPFLAGS=-DVOX_PROBE" $all CPPFLAGS=-DVOX_PROBE
# shellcheck disable=SC2086
probe "LDFLAGS=-Wl,-O1" $all LDFLAGS=-Wl,-O1
# shellcheck disable=SC2086
probe "CC=gcc" $all CC=gcc
# shellcheck disable=SC2086
probe "DEVELOPER=1" $all DEVELOPER=1
exit $bad
