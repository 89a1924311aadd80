#!/bin/bash
# A fake external extension for the emulator's tests. It registers under its file name (or
# FAKE_NAME), subscribes to FAKE_SUBSCRIBE_URI when set, then loops on /event/next, printing each
# event. FAKE_IGNORE_SHUTDOWN makes it hang after SHUTDOWN instead of exiting; FAKE_CRASH_ON_INVOKE
# makes it exit 0 on its first INVOKE, which Lambda counts as a crash. FAKE_SHUTDOWN_LINGER (seconds)
# delays its exit after SHUTDOWN.
set -u
api="http://${AWS_LAMBDA_RUNTIME_API}/2020-01-01/extension"
name="${FAKE_NAME:-$(basename "$0")}"
headers=$(mktemp)
curl -sS -D "$headers" -o /dev/null -X POST "$api/register" \
  -H "Lambda-Extension-Name: $name" \
  -d "{\"events\":${FAKE_EVENTS:-[\"INVOKE\",\"SHUTDOWN\"]}}"
id=$(grep -i '^Lambda-Extension-Identifier:' "$headers" | cut -d' ' -f2 | tr -d '\r')
rm -f "$headers"
echo "fake: registered as $name"
echo "fake: LANG=${LANG:-} charmap $(locale charmap 2>/dev/null || echo unknown)"
if [ -n "${FAKE_SUBSCRIBE_URI:-}" ]; then
  curl -sS -X PUT "http://${AWS_LAMBDA_RUNTIME_API}/2022-07-01/telemetry" \
    -H "Lambda-Extension-Identifier: $id" -H 'Content-Type: application/json' \
    -d "{\"schemaVersion\":\"${FAKE_SCHEMA:-2022-12-13}\",
         \"types\":[\"platform\",\"function\",\"extension\"],
         \"buffering\":{\"maxItems\":1000,\"maxBytes\":262144,\"timeoutMs\":25},
         \"destination\":{\"protocol\":\"HTTP\",\"URI\":\"$FAKE_SUBSCRIBE_URI\"}}"
  echo
fi
while true; do
  event=$(curl -sSf "$api/event/next" -H "Lambda-Extension-Identifier: $id") || {
    echo "fake: /next failed"
    exit 1
  }
  echo "fake: event $event"
  case "$event" in
    *INVOKE*)
      if [ -n "${FAKE_CRASH_ON_INVOKE:-}" ]; then
        exit 0
      fi
      ;;
    *SHUTDOWN*)
      if [ -n "${FAKE_IGNORE_SHUTDOWN:-}" ]; then
        sleep 30
      fi
      # A real extension keeps listening a moment for the platform's last batches.
      sleep "${FAKE_SHUTDOWN_LINGER:-0}"
      exit 0
      ;;
  esac
done
