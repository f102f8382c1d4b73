# --report-format html names the format whatever the file's name: the
# page, a polyglot XHTML document, from its first line.
"$TOOLDIR/vox-lint" -q --report-format html --report "$T/lint.out" data/good
echo "exit $?"
head -c 15 "$T/lint.out"
echo
xmllint --noout "$T/lint.out" && echo "well-formed"
