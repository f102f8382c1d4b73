# Helpers for the hardening tests, sourced from tests/hardening.

# For the tests that watch system calls: say "skipped" and exit when
# there is no strace.  LeakSanitizer cannot run under ptrace: the
# sanitizer build checks for leaks in every other test.
need_strace() {
	if ! command -v strace >/dev/null 2>&1; then
		echo "skipped: no strace"
		exit 0
	fi
	ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0
	export ASAN_OPTIONS
}

# Peak memory of a command, in MB, into $T/rss (GNU time's %M is KB).
# Usage: rss CMD ARGS...; the command's status is kept.
rss() {
	/usr/bin/time -f %M -o "$T/rss.kb" "$@"
	set -- $?
	tail -1 "$T/rss.kb" | awk '{ printf "%d\n", $1 / 1024 }' >"$T/rss"
	return "$1"
}

# Say whether the last rss run stayed under $1 MB.  Sanitizer builds
# keep freed memory in quarantine and shadow it: allow them four times.
rss_under() {
	limit=$1
	grep -q __asan_init "$TOOLDIR/vox-text" && limit=$((limit * 4))
	if [ "$(cat "$T/rss")" -lt "$limit" ]; then
		echo "memory under $1 MB"
	else
		echo "memory $(cat "$T/rss") MB, over $limit MB"
	fi
}

# Limit the address space to $1 KB, as ulimit -v, in the calling
# (sub)shell.  Not in sanitizer builds: AddressSanitizer reserves
# terabytes of shadow address space at start and cannot run under it.
vlimit() {
	grep -q __asan_init "$TOOLDIR/vox-lint" || ulimit -v "$1"
}

# A PCM WAV: mkwav PATH RATE CHANNELS FRAMES [DATA-SIZE-CLAIM [SPARSE]].
# The header may claim more data than follows; with SPARSE the claimed
# size is made real as a hole (no disk used).
mkwav() {
	python3 - "$@" <<'PY'
import struct, sys
a = sys.argv[1:]
path, rate, ch, frames = a[0], int(a[1]), int(a[2]), int(a[3])
data = bytes((i * 37) & 0xff for i in range(frames * ch * 2))
claim = int(a[4], 0) if len(a) > 4 else len(data)
sparse = len(a) > 5
fmt = struct.pack('<HHIIHH', 1, ch, rate, rate * ch * 2, ch * 2, 16)
riff = min(36 + claim, 0xffffffff)
head = (b'RIFF' + struct.pack('<I', riff) + b'WAVE' + b'fmt ' +
    struct.pack('<I', 16) + fmt + b'data' + struct.pack('<I', claim))
with open(path, 'wb') as f:
    f.write(head + data)
    if sparse:
        f.truncate(44 + claim)
PY
}

# Run a command as a user whom file modes bind.  Root reads a chmod 000
# file and writes into a read-only folder, so as root the command runs
# as nobody (setpriv).  Call asuser_setup first: it opens the scratch
# folder to nobody and, when nobody cannot reach the tools or the
# profile (a checkout under /root), copies them into it.
asuser_setup() {
	[ "$(id -u)" = 0 ] || return 0
	chmod 711 "$(dirname "$T")"
	chmod 777 "$T"
	if ! asuser test -x "$TOOLDIR/vox-lint" ||
	    ! asuser test -r "$VOXPREP_DATADIR/azure-speech.xml"; then
		mkdir "$T/.tools"
		cp -R "$TOOLDIR" "$T/.tools/bin"
		cp -R "$VOXPREP_DATADIR" "$T/.tools/share"
		chmod -R a+rX "$T/.tools"
		TOOLDIR=$T/.tools/bin
		VOXPREP_DATADIR=$T/.tools/share
		export TOOLDIR VOXPREP_DATADIR
	fi
}

asuser() {
	if [ "$(id -u)" != 0 ]; then
		"$@"
		return
	fi
	setpriv --reuid=nobody --regid=nogroup --clear-groups "$@"
}
