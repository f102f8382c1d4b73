#!/bin/sh
# The vendor samples in tests/data/vendor are the service's accepted
# datasets, byte for byte: any edit fails here.
set -e
cd tests/data/vendor
sha256sum -c --quiet SHA256SUMS
