#!/bin/sh
# Man pages are mdoc and lint clean.
set -e
mandoc -Tlint -Wwarning docs/*.1 docs/*.7
