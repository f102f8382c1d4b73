#!/bin/sh
# Every libFuzzer target (tests/fuzz/fuzz_*.c) replays its corpus, which
# holds the golden fixtures and every input that once crashed, then runs
# a short fixed-seed fuzzing session.  Any crash, leak, sanitizer report
# or timeout fails.  Skipped (exit 0) when clang has no libFuzzer.
# Longer runs by hand: make fuzz FUZZ_RUNS=200000 [FUZZ=fuzz_zip].
: "${FUZZ_CHECK_RUNS:=2000}"
d=$(mktemp -d "${TMPDIR:-/tmp}/voxfuzz.XXXXXX") || exit 1
trap 'rm -rf "$d"' EXIT
echo 'int LLVMFuzzerTestOneInput(const char *p, long n) { return 0; }' \
    >"$d/probe.c"
if ! command -v clang >/dev/null 2>&1 ||
    ! clang -fsanitize=fuzzer -o "$d/probe" "$d/probe.c" >/dev/null 2>&1; then
	echo "check-fuzz: skipped, clang with libFuzzer is not installed"
	exit 0
fi
make -s fuzz-build >"$d/build" 2>&1 || { cat "$d/build"; exit 1; }
# Leaks inside the libraries, not ours: see the file.
LSAN_OPTIONS=suppressions=$(pwd)/tests/fuzz/lsan.supp
export LSAN_OPTIONS
bad=0
for src in tests/fuzz/fuzz_*.c; do
	n=$(basename "$src" .c)
	mkdir "$d/$n"
	# New inputs go to the scratch folder, never into the corpus.
	if ! build/fuzz/"$n" -seed=1 -runs="$FUZZ_CHECK_RUNS" \
	    -max_len=65536 -max_total_time=20 -timeout=10 -rss_limit_mb=2048 \
	    -artifact_prefix="$d/" "$d/$n" tests/fuzz/corpus/"$n" \
	    >"$d/log" 2>&1; then
		echo "check-fuzz: $n failed"
		grep -v '^#' "$d/log" | tail -40
		bad=1
		continue
	fi
	echo "check-fuzz: $n $(grep -E '^#[0-9]+[[:space:]]+DONE' "$d/log" |
	    sed 's/[[:space:]][[:space:]]*/ /g')"
done
exit $bad
