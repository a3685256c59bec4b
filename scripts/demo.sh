#!/usr/bin/env bash
# Sets everything up and runs the demo: the emulator with the example organisation, then
# validate, plan, apply (a person "types" the activation code), and a second plan with no changes.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh >/dev/null
bin=build/wxphones
work=$(mktemp -d)
trap 'kill "${emulator_pid:-}" 2>/dev/null || true; rm -rf "$work"' EXIT

# Emulated time runs 30x faster, so phones come online in about a second.
"$bin" emulator --listen 127.0.0.1:0 --org examples/emulator/acme-org.yaml --time-scale 30 >"$work/emulator.out" &
emulator_pid=$!
for _ in $(seq 100); do grep -q listening "$work/emulator.out" 2>/dev/null && break; sleep 0.1; done
base=$(grep -o 'http://127.0.0.1:[0-9]*/v1' "$work/emulator.out")
port=${base#http://127.0.0.1:}; port=${port%/v1}
export WEBEX_API_BASE_URL=$base WEBEX_ACCESS_TOKEN=wxphones-demo-token
echo "Emulator running at $base"

# The person at the lobby phone: once apply prints the activation code, enter it on the phone.
enter_code() {
  local code
  for _ in $(seq 300); do
    code=$(grep -o 'activation code for [^:]*: [0-9]\{16\}' "$work/apply.out" 2>/dev/null | grep -o '[0-9]\{16\}' | head -1) || true
    if [ -n "$code" ]; then
      sleep 1
      exec 3<>"/dev/tcp/127.0.0.1/$port"
      printf 'POST /_emulator/activationCodes/%s/use HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\nConnection: close\r\n\r\n' "$code" >&3
      cat <&3 >/dev/null
      echo "(demo: the activation code $code was entered on the lobby phone)"
      return
    fi
    sleep 0.1
  done
}

step() { printf '\n\033[1m$ %s\033[0m\n' "$*"; }
step wxphones validate examples/acme
"$bin" validate examples/acme
step wxphones plan examples/acme
"$bin" plan examples/acme
step wxphones apply examples/acme --auto-approve
: >"$work/apply.out"
enter_code &
enter_pid=$!
"$bin" apply examples/acme --auto-approve --poll-interval-ms 250 | tee "$work/apply.out"
wait "$enter_pid"
step wxphones plan examples/acme --detailed-exitcode
"$bin" plan examples/acme --detailed-exitcode && echo "(exit code 0: no drift)"
