#!/bin/sh
# markdown.sh: regenerate samples/markdown: a structured-text file and a
# display-format file as a person types them, for vox-md(1) and
# vox-prepare(1).
#
# usage: sh samples/markdown.sh [OUTDIR]   (default: this script's folder)
#
# Text only, written with printf (octal escapes for bytes, \t for TABs)
# and awk for CRLF, so the bytes depend on no tool version.  Only
# OUTDIR/markdown is removed and rewritten.  The content (the made-up
# shop of make.sh, "Larkspur Market") is ours, CC0 1.0.
set -eu
LC_ALL=C
export LC_ALL

out=${1:-$(cd "$(dirname "$0")" && pwd)}/markdown
rm -rf "$out"
mkdir -p "$out"

# crlf: LF to CRLF (POSIX awk).
crlf() { awk '{ printf "%s\r\n", $0 }'; }

# Structured text typed in a Windows editor: no BOM, CRLF, headers and
# entries spaced by hand, an item repeated, trailing spaces (all layout,
# which vox-md --fix repairs); a list name misspelt in a sentence and a
# section name with a space (content, which it does not guess).
{
	printf '// Larkspur Market voice assistant, typed by hand\n'
	printf '@list product=\n'
	printf '%s\n' '-milk' '- bread  ' '- rain jacket' '  - milk' \
	    '- larkspur tea'
	printf '@ speech:phoneticlexicon\n'
	printf '%s\n' '- larkspur/l aa r k s p ax r'
	printf '#Shop sentences\n'
	printf '%s\n' '-add {@product} to my basket' \
	    '- do you have {@prodcut} in stock' '- track my order'
} | crlf >"$out/structured-text.md"

# Display format typed in VS Code, which turned the TAB of one #rewrite
# line into spaces: that rule is dropped, so a #test case fails.  No
# BOM.  The other rules and cases are right.
{
	printf '// Larkspur Market display rules\n'
	printf '#itn\n'
	printf 'LM-\\d\\d\\d\\d\n'
	printf '#rewrite\n'
	printf 'larkspur market    Larkspur Market\n'
	printf 'e mail\temail\n'
	printf '#test\n'
	printf 'track order l m one two three four\tTrack order LM-1234\n'
	printf 'call larkspur market\tCall Larkspur Market\n'
	printf 'send me an e mail\tSend me an email\n'
} >"$out/display-format.md"
