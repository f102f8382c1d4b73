#!/bin/sh
# make install puts tools, data and man pages under PREFIX; the installed
# tools find their data without VOXPREP_DATADIR, even when the tree is
# moved, and hold no path of the checkout (an installed tool must not
# read from the tree it was built in); an uninstalled tool finds the
# tree's data through its build folder; make uninstall removes
# everything it installed.  Built in a scratch O with the default flags,
# whatever make runs this, so that the suite's own build is left alone.
set -e
top=$(pwd)
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
mk() {
	env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL -u SANITIZE -u RESAMPLER \
	    -u DEVELOPER -u O -u DATADIR -u PREFIX -u DESTDIR \
	    make -s -j2 O="$d/build" PREFIX="$d/p" "$@" >/dev/null
}
mk install
test -x "$d/p/bin/vox-lint"
test -f "$d/p/share/voxprep/azure-speech.xml"
test -f "$d/p/share/voxprep/profile.xsd"
test -f "$d/p/share/man/man1/vox-lint.1"
test -f "$d/p/share/man/man7/voxprep.7"
# Debug information names the sources relative to the tree, and no
# fallback path is compiled in.  Strings under $d (DATADIR) are fine.
for b in "$d"/p/bin/*; do
	if strings -a "$b" | grep -F "$top" | grep -vF "$d/"; then
		echo "$b holds the checkout's path $top"
		exit 1
	fi
done
mv "$d/p" "$d/moved"
(unset VOXPREP_DATADIR; cd / && "$d/moved/bin/vox-lint" -L de-DE \
    --list-locales) | grep -q '^de-DE	'
mv "$d/moved" "$d/p"
mk uninstall
left=$(find "$d/p" -type f | wc -l)
if [ "$left" != 0 ]; then
	echo "uninstall left files:"; find "$d/p" -type f
	exit 1
fi
# Uninstalled, DATADIR is gone: the build folder's share/voxprep, a link
# to the tree's schemas, is the only way left to the data.
test ! -e "$d/p/share/voxprep"
(unset VOXPREP_DATADIR; cd / && "$d/build/bin/vox-lint" -L de-DE \
    --list-locales) | grep -q '^de-DE	'
