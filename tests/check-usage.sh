#!/bin/sh
# Each tool's usage text equals the SYNOPSIS of its man page, every tool
# has a man page, and the options its -h lists (generated from the same
# table as its parser) are the options its man page documents (git t0450
# in spirit): the tool's own ones in the page's option list (the list
# after "The options are"), the shared ones, those every tool has, in the
# "Shared options" list of voxprep(7); the man page may list shared ones
# too, but nothing the tool does not take.  Help lines fit 80 columns.
set -e
bad=0
tmp=$(mktemp -d "${TMPDIR:-/tmp}/usage.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# The option names ("-j", "--jobs") of the items of the first list after
# the line matching $2 in the man page $1, one per line, sorted.
manopts() {
	awk -v start="$2" '
	    !on && $0 ~ start { on = 1; next }
	    on && /^\.Bl/ { depth++; next }
	    on && /^\.El/ { if (--depth == 0) exit; next }
	    on && depth == 1 && /^\.It/ {
		for (i = 2; i < NF; i++)
			if ($i == "Fl") {
				o = $(i + 1)
				gsub(/\\/, "", o)
				print "-" o
			}
	    }' "$1" | sort -u
}

# The option names of the help lines of "tool -h" (after the blank line
# that ends the usage): the left column, up to two spaces.
helpopts() {
	sed '1,/^$/d' "$1" | grep -E '^(  -[^ ]|      --)' |
	    sed 's/^ *//; s/  .*//' | tr ',=' '\n\n' | sed 's/^ *//' |
	    grep '^-' | sed 's/ .*//' | sort -u
}

for t in tools/*.c; do
	n=$(basename "$t" .c)
	"$TOOLDIR/$n" -h >"$tmp/$n.help" 2>&1 || true
	helpopts "$tmp/$n.help" >"$tmp/$n.opts"
done
# The shared options: those in every tool's help.
set -- "$tmp"/*.opts
cp "$1" "$tmp/shared"
for f; do
	comm -12 "$tmp/shared" "$f" >"$tmp/x" && mv "$tmp/x" "$tmp/shared"
done
manopts docs/voxprep.7 '^\.Ss Shared options' >"$tmp/shared.man"
if ! cmp -s "$tmp/shared" "$tmp/shared.man"; then
	echo "voxprep.7: Shared options differ from what every tool takes" \
	    "(< tools, > man)"
	diff "$tmp/shared" "$tmp/shared.man" | grep '^[<>]' || true
	bad=1
fi

for t in tools/*.c; do
	n=$(basename "$t" .c)
	man=docs/$n.1
	if [ ! -f "$man" ]; then
		echo "$n: no man page $man"; bad=1; continue
	fi
	# Every form of the usage text, joined as the SYNOPSIS renders.
	use=$(sed '/^$/q' "$tmp/$n.help" | sed 's/^usage: //; s/^ *//' |
	    tr '\n' ' ' | tr -s ' ' | sed 's/ $//')
	syn=$(mandoc -Tascii -Owidth=1000 "$man" | col -b |
	    sed -n '/^SYNOPSIS/,/^[A-Z]/p' | sed '1d;$d' |
	    tr '\n' ' ' | tr -s ' ' | sed 's/^ //; s/ $//')
	if [ "$use" != "$syn" ]; then
		echo "$n: usage and SYNOPSIS differ"
		echo "  usage:    $use"
		echo "  SYNOPSIS: $syn"
		bad=1
	fi
	manopts "$man" '^The options are' >"$tmp/$n.man"
	comm -23 "$tmp/$n.opts" "$tmp/shared" >"$tmp/$n.own"
	missing=$(comm -23 "$tmp/$n.own" "$tmp/$n.man" | tr '\n' ' ')
	extra=$(comm -13 "$tmp/$n.opts" "$tmp/$n.man" | tr '\n' ' ')
	if [ -n "$missing" ] || [ -n "$extra" ]; then
		echo "$n: options and $man differ:" \
		    "${missing:+not in the man page: $missing}" \
		    "${extra:+not taken by the tool: $extra}"
		bad=1
	fi
	if sed "1,/^$/d" "$tmp/$n.help" | awk 'length > 80 { exit 1 }'; then
		:
	else
		echo "$n: a -h line is over 80 columns"
		bad=1
	fi
done
exit $bad
