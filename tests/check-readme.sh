#!/bin/sh
# The README shows what the tools print today.  Every ```console block
# (the tutorial, the examples of Tools and of "Lint before you upload")
# is run: each "$ " line, in order, in a scratch folder of its own that
# holds samples/ (a link) and the files the examples name (set.zip and
# related.txt, made below from the vendor's de-DE set); what the commands
# print, standard error and output together, must be the block's other
# lines.  SHA-256 sums are masked: the soxr build's audio bytes differ
# from libsamplerate's.  A block of another language that shows a "$ "
# prompt is an error: it would escape the check.
set -u
top=$(pwd)
: "${TOOLDIR:=$top/build/default/bin}"
d=$(mktemp -d) || exit 3
trap 'rm -rf "$d"' EXIT
PATH=$TOOLDIR:$PATH
export PATH
bad=0

# The blocks: $d/want.N, and $d/line.N the README line of its fence.
awk -v dir="$d" '
/^```/ && !on {
	if ($0 == "```console") {
		n++
		printf "" >(dir "/want." n)
		print NR >(dir "/line." n)
		on = 2
	} else {
		on = 1
		start = NR
	}
	next
}
on && /^```$/ { on = 0; next }
on == 2 { print >>(dir "/want." n); next }
on == 1 && /^\$ / {
	printf "README.md:%d: a \"$ \" command outside a console block\n",
	    NR
	bad = 1
}
END { exit bad }
' README.md || bad=1

# set.zip: the vendor's de-DE acoustic set and a transcript line whose
# audio is missing; related.txt: a line of de-DE related text.
fx=$d/fixtures
mkdir -p "$fx/set"
(
	cd "$fx/set" &&
	    unzip -q "$top/tests/data/vendor/de-DE/training/audio-and-trans.zip" &&
	    { [ -z "$(tail -c 1 trans.txt)" ] || printf '\r\n'; } >>trans.txt &&
	    printf 'a9.wav\tDas ist die dritte Aufnahme.\r\n' >>trans.txt &&
	    zip -q -X ../set.zip trans.txt audio1.wav audio2.wav
) || exit 3
rm -r "$fx/set"
printf '\357\273\277Wir liefern Ihre Bestellung morgen.\n' >"$fx/related.txt"

mask() {
	sed -E 's/[0-9a-f]{64}/SHA256/g' "$1"
}

i=1
while [ -f "$d/want.$i" ]; do
	w=$d/block.$i
	mkdir "$w"
	cp "$fx"/* "$w/"
	ln -s "$top/samples" "$w/samples"
	(
		cd "$w" || exit 3
		grep '^\$ ' "$d/want.$i" | sed 's/^\$ //' |
		    while IFS= read -r cmd; do
			printf '$ %s\n' "$cmd"
			sh -c "$cmd" 2>&1 </dev/null
		done
	) >"$d/got.$i"
	mask "$d/want.$i" >"$d/want.m"
	mask "$d/got.$i" >"$d/got.m"
	if ! cmp -s "$d/want.m" "$d/got.m"; then
		echo "README.md:$(cat "$d/line.$i"): the console block" \
		    "differs from what the tools print:"
		diff -u "$d/want.m" "$d/got.m" | sed '1,2d' | head -40
		bad=1
	fi
	i=$((i + 1))
done
if [ "$i" = 1 ]; then
	echo "README.md: no console block"
	bad=1
fi
exit $bad
