#!/bin/sh
# expect_findings.sh TOOL OPENAPI_DIR TRAFFIC: passes when conformance_check exits 1 and reports every
# deliberate violation of the traffic file; exit 77 (descriptions absent) is passed through as a skip.
tool=$1 dir=$2 traffic=$3
out=$("$tool" --openapi-dir "$dir" "$traffic" 2>&1)
rc=$?
printf '%s\n' "$out"
[ "$rc" -eq 77 ] && exit 77
if [ "$rc" -ne 1 ]; then
  echo "expected exit code 1 (findings), got $rc"
  exit 1
fi
for expected in 'unknown query parameter "maxx"' 'expected one of: roomdesk, phone' \
                'expected a boolean, got "yes"' 'unknown path: no documented operation matches GET /devicez' \
                'method DELETE is not documented for this path'; do
  if ! printf '%s\n' "$out" | grep -qF "$expected"; then
    echo "missing expected finding: $expected"
    exit 1
  fi
done
echo "all deliberate violations reported"
