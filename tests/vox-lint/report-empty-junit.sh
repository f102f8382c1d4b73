# With nothing to report, the JUnit file is still valid and lists no suite.
$VALGRIND "$TOOLDIR/vox-lint" --report "$T/r.xml" --list-rules >/dev/null
xmllint --noout --schema ../../schemas/junit.xsd "$T/r.xml" 2>&1
ls "$T"
