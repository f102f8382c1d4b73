# An output that replaces a file is synced before the rename, so that a
# crash cannot leave the old file replaced by one whose blocks never
# reached the disk; a new name is not synced (a crash can lose only what
# the run made), as cp, tar and zip do.  strace counts the fsync calls.
. data/common.sh
need_strace
good=$(pwd)/../vox-lint/data/good
cd "$T" || exit 3
syncs() {
	strace -f -qq -e trace=fsync,fdatasync -o trace "$TOOLDIR/vox-pack" -q \
	    -k acoustic -o out.zip "$good" >/dev/null
	rc=$?
	echo "$1: fsync calls $(grep -c 'sync(' trace), exit $rc"
}
syncs "new zip and manifest"
syncs "both replaced"
rm out.manifest.json
syncs "zip replaced, manifest new"
