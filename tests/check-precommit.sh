#!/bin/sh
# The hooks of .pre-commit-hooks.yaml, run as a user runs them: Debian's
# pre-commit, installed in a scratch git repository whose
# .pre-commit-config.yaml points at a scratch copy of this checkout's hook
# files (a local clone: no network, uncommitted changes included), with
# args [-L, de-DE].  Commits of a good dataset pass; a bad transcript, a
# de-DE finding and a bad pronunciation file fail, naming the rule; the
# locale reaches vox-lint; README.md is not linted.
set -u
top=$(pwd)
: "${TOOLDIR:=$top/build/default/bin}"
d=$(mktemp -d) || exit 3
trap 'rm -rf "$d"' EXIT
bad=0

# The folder hook's script knows which vox-lint options take a value: each
# option of vox-lint -h, before a file name, reaches a stand-in vox-lint
# as it is, followed by -- and the file's folder.
mkdir -p "$d/fake" "$d/opt/a"
printf '#!/bin/sh\nfor a; do printf "[%%s]" "$a"; done; echo\n' \
    >"$d/fake/vox-lint"
chmod +x "$d/fake/vox-lint"
: >"$d/opt/a/x.wav"
"$TOOLDIR/vox-lint" -h 2>&1 | tr '[]' '\n\n' | sed -nE '
	s/^ *(--?[a-zA-Z][a-z-]*) [a-z]+ *$/\1 V/p
	t
	s/^ *(-[a-zA-Z]), (--[a-z-]+)=[a-z]+.*/\1 V\
\2 V/p
	t
	s/^ *(--[a-z-]+)=[a-z]+.*/\1 V/p
	t
	s/^ *(-[a-zA-Z]), (--[a-z-]+)( .*|$)/\1\
\2/p
	t
	s/^ *(--[a-z-]+)( .*|$)/\1/p' | sort -u >"$d/opts"
if ! grep -qx -- '-L V' "$d/opts" || ! grep -qx -- '--locale V' "$d/opts" ||
    ! grep -qx -- '--scan' "$d/opts"; then
	echo "check-precommit: cannot read vox-lint's options from vox-lint -h"
	bad=1
fi
while read -r o v; do
	want="[$o]${v:+[$v]}[--][a]"
	got=$(cd "$d/opt" && PATH=$d/fake:$PATH \
	    sh "$top/hooks/vox-lint-folders.sh" $o $v a/x.wav)
	if [ "$got" != "$want" ]; then
		echo "check-precommit: hooks/vox-lint-folders.sh $o $v a/x.wav" \
		    "runs vox-lint $got, expected $want"
		bad=1
	fi
done <"$d/opts"

if ! command -v pre-commit >/dev/null 2>&1; then
	echo "check-precommit: skipped, pre-commit not installed"
	exit $bad
fi
PATH=$TOOLDIR:$PATH
# Nothing of the user's own git or pre-commit set-up takes part.
HOME=$d/home
PRE_COMMIT_HOME=$d/cache
XDG_CACHE_HOME=$d/cache
XDG_CONFIG_HOME=$HOME/.config
GIT_CONFIG_NOSYSTEM=1
unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE
GIT_AUTHOR_NAME=check GIT_AUTHOR_EMAIL=check@example.org
GIT_COMMITTER_NAME=check GIT_COMMITTER_EMAIL=check@example.org
export PATH HOME PRE_COMMIT_HOME XDG_CACHE_HOME XDG_CONFIG_HOME \
    GIT_CONFIG_NOSYSTEM \
    GIT_AUTHOR_NAME GIT_AUTHOR_EMAIL GIT_COMMITTER_NAME GIT_COMMITTER_EMAIL
mkdir "$HOME"

fail() {
	echo "check-precommit: $*"
	sed 's/^/	/' "$d/log"
	bad=1
}

# Commit what is staged in the work repository; $1 is the expected result
# (pass or fail); the output is in $d/log.
commit() {
	(cd "$d/work" && git add -A && git commit -q -m "$2") >"$d/log" 2>&1
	rc=$?
	case $1/$rc in
	pass/0|fail/[1-9]*) return 0 ;;
	esac
	fail "commit \"$2\": exit status $rc, expected to $1"
	return 1
}

# The output of commit, expected to have ($1 = has) or not have a line
# matching the extended regular expression $2.
expect() {
	if grep -Eq -- "$2" "$d/log"; then
		[ "$1" = has ] && return 0
		fail "$3: unexpected line matching '$2'"
	else
		[ "$1" = not ] && return 0
		fail "$3: no line matching '$2'"
	fi
}

# The hook repository: the hook files of this checkout, committed.
mkdir -p "$d/hooks/hooks"
cp -p .pre-commit-hooks.yaml "$d/hooks/" &&
    cp -p hooks/* "$d/hooks/hooks/" || exit 3
(
	cd "$d/hooks" && git -c init.defaultBranch=main init -q &&
	    git add -A && git commit -q -m hooks
) || exit 3
rev=$(git -C "$d/hooks" rev-parse HEAD) || exit 3

mkdir -p "$d/work/data/train"
cd "$d/work" || exit 3
git -c init.defaultBranch=main init -q || exit 3
# The README's configuration, pointed at the scratch hook repository;
# verbose shows vox-lint's output of hooks that pass.
sed -n '/^### As a pre-commit hook/,/^#/p' "$top/README.md" |
    sed -n '/^```yaml$/,/^```$/p' | sed '1d;$d' |
    sed "s|^\( *- repo:\).*|\1 $d/hooks|; s|^\( *rev:\).*|\1 $rev|" |
    sed 's|^\( *\)args: .*|&\
\1verbose: true|' >.pre-commit-config.yaml
if [ "$(grep -c 'args: \[-L, de-DE\]' .pre-commit-config.yaml)" != 2 ]; then
	echo "check-precommit: the README's two hooks lack args: [-L, de-DE]"
	bad=1
fi
pre-commit install >"$d/log" 2>&1 || fail "pre-commit install failed"


# 1. A good dataset: a folder of WAV files and its transcript, related text
# whose section sign en-US does not allow (TEXT-CHARSET) but de-DE does,
# and a README.md without a BOM (MD-ENC if it were linted).
cp "$top"/samples/clean/acoustic/* data/train/
printf '\357\273\277Der Preis steht in \302\247 4.\nWir liefern morgen.\n' \
    >data/related.txt
printf '# Call center recordings\n\nRecorded in 2026; see data/.\n' >README.md
if commit pass "good dataset"; then
	expect has '^data/train: ok; acoustic \(detected\), de-DE' "folder hook"
	expect has '^data/related.txt: ok; language \(detected\), de-DE' \
	    "file hook"
	expect not 'TEXT-CHARSET|README' "README.md or en-US"
fi

# 2. A transcript line without its audio: only the folder hook pairs them.
cp data/train/trans.txt "$d/trans.txt"
printf 'gone.wav\tWo ist das?\n' >>data/train/trans.txt
if commit fail "transcript without audio"; then
	expect has "^data/train/trans.txt:4:1: error: .*\\[TRANS-MATCH\\]$" \
	    "folder hook"
	expect has '^data/train: 1 error' "folder hook"
fi
cp "$d/trans.txt" data/train/trans.txt

# 3. A de-DE finding: the section sign in a de-DE transcript (en-US gives
# only TRANS-ENC-EN).
mkdir data/de
cp data/train/close.wav data/de/
printf '\357\273\277close.wav\tDas kostet 5 \302\247.\n' >data/de/trans.txt
commit fail "de-DE transcript" &&
    expect has '^data/de/trans.txt:1:24: .*\[NORM-DE-3\]$' "de-DE" &&
    expect has '^data/de: .*acoustic \(detected\), de-DE' "de-DE folder" &&
    expect not 'TRANS-ENC-EN' "en-US"
rm -r data/de

# 4. A pronunciation file separated by spaces.
printf '\357\273\277Larkspur l aa r k s p ax r\n' >data/pron.txt
commit fail "bad pronunciation" &&
    expect has '^data/pron.txt:1:1: error: .*\[PRON-FORMAT\]$' "file hook"
rm data/pron.txt

# 5. Only README.md: neither hook has a file to check.
printf '\nMore to come.\n' >>README.md
commit pass "README only" &&
    expect has '^vox-lint \(dataset files\).*\(no files to check\)Skipped$' \
    "README only"
exit $bad
