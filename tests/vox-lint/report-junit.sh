# A JUnit report of a lint run validates against schemas/junit.xsd and
# lists the clean dataset as a passing suite.
$VALGRIND "$TOOLDIR/vox-lint" --report "$T/r.xml" data/good.zip \
    data/layout.zip >/dev/null 2>&1
xmllint --noout --schema ../../schemas/junit.xsd "$T/r.xml" 2>&1 |
    sed "s|$T/||"
grep -c '<testcase' "$T/r.xml"
grep -o '<testsuite name="[^"]*" tests="[0-9]*" failures="[0-9]*"' "$T/r.xml"
