#!/bin/sh
# Run every test and print one closing line: "N passed, N failed".
#
# Golden cases are data: tests/TOOL/CASE.args holds one line of arguments
# for TOOL (shell words; $T is a scratch folder, $S the vendor samples),
# or tests/TOOL/CASE.sh is a script run with sh.  Beside it: CASE.in
# (stdin), CASE.out and CASE.err (expected stdout and stderr; missing
# means empty) and CASE.rc (exit status; missing means 0).  Cases run in
# their tool's folder.  Unit tests are the programs in $UNITDIR; they
# print "ok NAME" or "FAIL NAME" per test.  tests/check-*.sh are scripts
# that pass by exiting 0.
#
# Environment: TOOLDIR (the built tools), UNITDIR, VALGRIND (a command
# prefix), CASES (a pattern: run only the matching TOOL/CASE names).

LC_ALL=C
export LC_ALL
top=$(cd "$(dirname "$0")/.." && pwd)
: "${TOOLDIR:=$top/build/default/bin}"
: "${UNITDIR:=$top/build/default/unit}"
: "${VALGRIND:=}"
: "${CASES:=*}"
VOXPREP_DATADIR=$top/schemas
S=$top/tests/data/vendor
export TOOLDIR UNITDIR VALGRIND VOXPREP_DATADIR S
unset VOXPREP_NO_SUCH

scratch=$(mktemp -d "${TMPDIR:-/tmp}/voxtest.XXXXXX") || exit 3
trap 'rm -rf "$scratch"' EXIT
trap 'exit 130' INT TERM
pass=0
fail=0

ok() {
	pass=$((pass + 1))
	echo "ok $1"
}

notok() {
	fail=$((fail + 1))
	echo "FAIL $1"
}

# Compare actual output $1 with the expected file $2 (missing: empty).
same() {
	if [ -f "$2" ]; then
		diff -u "$2" "$1" >"$scratch/diff" 2>&1
	else
		diff -u /dev/null "$1" >"$scratch/diff" 2>&1
	fi
}

golden() {
	dir=$1 base=$2 name=$3
	T=$scratch/case
	rm -rf "$T"
	mkdir -p "$T"
	export T
	in=/dev/null
	[ -f "$dir/$base.in" ] && in=$dir/$base.in
	if [ -f "$dir/$base.sh" ]; then
		(cd "$dir" && sh "./$base.sh") <"$in" >"$scratch/out" \
		    2>"$scratch/err"
	else
		tool=$(basename "$dir")
		args=$(cat "$dir/$base.args")
		(cd "$dir" && eval "set -- $args" &&
		    exec $VALGRIND "$TOOLDIR/$tool" "$@") <"$in" \
		    >"$scratch/out" 2>"$scratch/err"
	fi
	rc=$?
	want=0
	[ -f "$dir/$base.rc" ] && want=$(cat "$dir/$base.rc")
	# Scratch paths vary per run: show them as $T.
	sed "s|$T|\$T|g" "$scratch/out" >"$scratch/out.n"
	sed "s|$T|\$T|g" "$scratch/err" >"$scratch/err.n"
	why=
	same "$scratch/out.n" "$dir/$base.out" || why="stdout differs"
	if [ -z "$why" ]; then
		same "$scratch/err.n" "$dir/$base.err" || why="stderr differs"
	fi
	[ -z "$why" ] && [ "$rc" != "$want" ] &&
	    why="exit status $rc, expected $want"
	if [ -z "$why" ]; then
		ok "$name"
	else
		notok "$name: $why"
		sed 's/^/	/' "$scratch/diff" | head -40
		[ "$why" = "exit status $rc, expected $want" ] &&
		    sed 's/^/	stderr: /' "$scratch/err" | head -10
	fi
}

for dir in "$top"/tests/*/; do
	dir=${dir%/}
	tool=$(basename "$dir")
	case $tool in
	unit|fuzz|bench|data) continue ;;
	esac
	for f in "$dir"/*.args "$dir"/*.sh; do
		[ -f "$f" ] || continue
		base=$(basename "$f")
		base=${base%.*}
		case "$tool/$base" in
		$CASES) golden "$dir" "$base" "$tool/$base" ;;
		esac
	done
done

if [ "$CASES" = "*" ]; then
	# A wrong UNITDIR must not pass as "no unit test failed".
	for u in "$UNITDIR"/test_*; do
		[ -x "$u" ] || notok "unit: no test programs in $UNITDIR"
		break
	done
	for u in "$UNITDIR"/*; do
		[ -x "$u" ] || continue
		n=$(basename "$u")
		(cd "$scratch" && $VALGRIND "$u") >"$scratch/unit" 2>&1
		rc=$?
		p=$(grep -c '^ok ' "$scratch/unit")
		f=$(grep -c '^FAIL ' "$scratch/unit")
		pass=$((pass + p))
		fail=$((fail + f))
		grep '^FAIL \|^#' "$scratch/unit" | sed "s/^/$n: /"
		if [ "$rc" != 0 ] && [ "$f" = 0 ]; then
			notok "$n: exit status $rc"
			tail -20 "$scratch/unit" | sed 's/^/	/'
		fi
		echo "$n: $p passed, $f failed"
	done
	for c in "$top"/tests/check-*.sh; do
		[ -f "$c" ] || continue
		n=$(basename "$c" .sh)
		if (cd "$top" && sh "$c") >"$scratch/check" 2>&1; then
			ok "$n"
			# A check that could not run all of itself says why.
			grep -i 'skipped' "$scratch/check" | sed 's/^/	/'
		else
			notok "$n"
			sed 's/^/	/' "$scratch/check" | head -40
		fi
	done
fi

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
