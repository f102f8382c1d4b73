#!/bin/sh
# The README's "Scaling out" recipe runs as written, on GNU parallel with
# --sshlogin : (this host), and its upload is the same bytes as that of
# one process: vox-resample over every file, vox-pack over one folder.
# The recordings are FLAC files made with sox from samples/ and a
# transcript with a BOM.
set -u
if ! parallel --version 2>/dev/null | grep -q 'GNU parallel'; then
	echo "check-scale: skipped, GNU parallel not installed"
	exit 0
fi
if ! command -v sox >/dev/null 2>&1; then
	echo "check-scale: skipped, sox not installed"
	exit 0
fi
top=$(pwd)
: "${TOOLDIR:=$top/build/default/bin}"
d=$(mktemp -d) || exit 3
trap 'rm -rf "$d"' EXIT
PATH=$TOOLDIR:$PATH
HOME=$d/home	# GNU parallel keeps its state in ~/.parallel
export PATH HOME
mkdir "$HOME" "$d/run" "$d/run/recordings"
cd "$d/run" || exit 3

# Eight recordings in four formats and three rates, as FLAC.
a=$top/samples/clean/acoustic r=$top/samples/raw
for f in "$a"/close.wav "$a"/refund.wav "$a"/track.wav "$r"/welcome.wav \
    "$r"/order.flac "$r"/weather.mp3 "$r"/quiet.wav "$r"/hold.wav; do
	n=${f##*/}
	sox "$f" "recordings/${n%.*}.flac" || exit 3
done
{
	printf '\357\273\277'
	sed '1s/^\xEF\xBB\xBF//' "$a/trans.txt"
	printf 'welcome.wav\tWelcome to Larkspur Market.\n'
	printf 'order.wav\tI would like to order two tickets, please.\n'
	printf 'weather.wav\tWhat is the weather in Seattle tomorrow?\n'
	printf 'quiet.wav\tWhere is my order forty two?\n'
	printf 'hold.wav\tPlease hold for the next agent.\n'
} >recordings/trans.txt

# The recipe: the first sh block after the heading.
sed -n '/^## Scaling out/,/^## /p' "$top/README.md" |
    awk '/^```$/ && on { exit } on { print } /^```sh$/ { on = 1 }' \
    >"$d/recipe.sh"
if ! grep -q 'parallel --sshlogin :' "$d/recipe.sh"; then
	echo "check-scale: no 'parallel --sshlogin :' in the README's recipe:"
	cat "$d/recipe.sh"
	exit 1
fi
if ! sh -e "$d/recipe.sh" >"$d/log" 2>&1; then
	echo "check-scale: the README's recipe fails:"
	sed 's/^/	/' "$d/log"
	exit 1
fi
shards=$(ls -d wav/shard.* | wc -l)
if [ "$shards" != 4 ]; then
	echo "check-scale: $shards shard folders, expected 4"
	exit 1
fi

# One process.
mkdir one one-wav
vox-resample -q -o one-wav recordings/*.flac &&
    cp recordings/trans.txt one-wav/ &&
    vox-pack -q -k acoustic -o one/train.zip one-wav >/dev/null || {
	echo "check-scale: the one-process run fails"
	exit 1
}

bad=0
if [ "$(ls upload)" != "$(ls one)" ]; then
	echo "check-scale: the recipe wrote $(ls upload | tr '\n' ' ')," \
	    "one process $(ls one | tr '\n' ' ')"
	bad=1
fi
for f in one/*; do
	if ! cmp "$f" "upload/${f#one/}"; then
		echo "check-scale: upload/${f#one/} differs from one process"
		bad=1
	fi
done
exit $bad
