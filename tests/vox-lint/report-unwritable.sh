# A report that cannot be written is a system error; stdout still works.
$VALGRIND "$TOOLDIR/vox-lint" --report /nonexistent/dir/r.jsonl \
    -L de-DE --list-locales >"$T/out"
rc=$?
cut -f1 "$T/out"
exit $rc
