#!/bin/sh
# make install puts tools, data and man pages under PREFIX; the installed
# tools find their data without VOXPREP_DATADIR, even when the tree is
# moved; make uninstall removes everything it installed.
set -e
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
make -s install PREFIX="$d/p" >/dev/null
test -x "$d/p/bin/vox-lint"
test -f "$d/p/share/voxprep/azure-speech.xml"
test -f "$d/p/share/voxprep/profile.xsd"
test -f "$d/p/share/man/man1/vox-lint.1"
test -f "$d/p/share/man/man7/voxprep.7"
mv "$d/p" "$d/moved"
(unset VOXPREP_DATADIR; cd / && "$d/moved/bin/vox-lint" -L de-DE \
    --list-locales) | grep -q '^de-DE	'
mv "$d/moved" "$d/p"
make -s uninstall PREFIX="$d/p" >/dev/null
left=$(find "$d/p" -type f | wc -l)
if [ "$left" != 0 ]; then
	echo "uninstall left files:"; find "$d/p" -type f
	exit 1
fi
