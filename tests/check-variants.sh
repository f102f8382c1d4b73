#!/bin/sh
# Every build variant has its own folder, so "make DEVELOPER=1" after
# "make" builds again with its flags instead of finding build/default up
# to date (make -n only prints what it would do).
cd "$(dirname "$0")/.." || exit 1
bad=0
for v in "DEVELOPER=1:default-dev" "SANITIZE=1:default-san" \
    "RESAMPLER=soxr:default-soxr" "SANITIZE=1 DEVELOPER=1:default-san-dev" \
    ":default"; do
	# The variables of the make that runs this (make check SANITIZE=1)
	# must not leak into the probe.
	# shellcheck disable=SC2086
	if ! env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL -u SANITIZE \
	    -u RESAMPLER -u DEVELOPER -u O make -n ${v%%:*} all 2>/dev/null | grep -q "[ /]${v#*:}/bin/"; then
		echo "make ${v%%:*}: not built in build/${v#*:}"
		bad=1
	fi
done
exit $bad
