#!/bin/sh
# The differential-testing regression cases (tests/gvdiff/cases, written by
# tools/gvdiff/keep.py from pairs of tools/gvdiff/mutate.py, verdicts
# recorded from gVisor's own code per profile): check must agree on every
# one, as for the conformance corpus (test_check.sh, both views).
cd "$(dirname "$0")/../.." || exit 2
SD_CASES=tests/gvdiff/cases exec sh tests/conformance/test_check.sh
