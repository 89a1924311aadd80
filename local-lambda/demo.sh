#!/usr/bin/env bash
# The main job, locally: builds the layer, runs it under the local Lambda emulator with a sample
# function and config-examples/local-file.yaml (file sinks on local disk), and shows what was routed
# where. Usage: local-lambda/demo.sh [invocations] [output-dir]
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
invocations="${1:-5}"
default_out="$repo/target/demo"
out="${2:-$default_out}"
case "$out" in
  /*) ;;
  *) out="$PWD/$out" ;;
esac
config="$repo/config-examples/local-file.yaml"
function_cmd="$repo/config-examples/demo/function.sh"

# Written into every output folder this script makes. A later run deletes a folder only when it
# holds this file (or is the default target/demo, build output), so a mistyped argument cannot
# delete your own files.
marker=".made-by-telemetry-router-demo"
if [ -e "$out" ] && [ ! -d "$out" ]; then
  echo "demo.sh: $out exists and is not a folder; give a new or empty folder" >&2
  exit 2
fi
if [ -d "$out" ] && { [ -f "$out/$marker" ] || [ "$out" = "$default_out" ]; }; then
  rm -rf "$out"
elif [ -d "$out" ] && [ -n "$(ls -A "$out")" ]; then
  echo "demo.sh: refusing to use $out: it is not empty and was not made by demo.sh (it has no" \
    "$marker file). Give a new or empty folder, or delete this one yourself." >&2
  exit 2
fi
mkdir -p "$out"
echo "made by local-lambda/demo.sh, which deletes this folder when it is given it again" \
  > "$out/$marker"
cd "$repo"

echo "== building the layer and the emulator (./mvnw package, tests skipped)"
./mvnw -q -B -DskipTests -pl layer,local-lambda -am package

echo "== running $invocations invocations of config-examples/demo/function.sh under local-lambda"
# A 10 s function timeout (Lambda's default is 3 s) leaves room for a busy laptop: the first
# invocation of a cold JVM is the slow one.
status=0
./mvnw -q -B -pl local-lambda exec:java -Dexec.args="--layer $repo/layer/target/layer \
  --function-cmd $function_cmd --invocations $invocations --timeout 10 \
  --env TELEMETRY_ROUTER_CONFIG_FILE=$config --env TELEMETRY_ROUTER_DEMO_DIR=$out \
  --work-dir $out --report $out/report.json" > "$out/emulator.txt" 2> "$out/emulator.log" \
  || status=$?
cat "$out/emulator.txt"
if [ "$status" -ne 0 ]; then
  echo "the emulator run failed (exit $status); its log follows, the extension's is in $out/extensions.log"
  tail -n 40 "$out/emulator.log"
  exit "$status"
fi

echo
echo "== where the records went (routing.yaml: config-examples/local-file.yaml)"
for sink in all errors; do
  files=$(find "$out/$sink" -name '*.jsonl' 2>/dev/null | sort)
  count=0
  [ -n "$files" ] && count=$(cat $files | wc -l)
  echo "sink=$sink type=file: $count records in $out/$sink/"
done
echo
echo "== the extension's accounting line, and what its intake saw"
grep -o '\[telemetry-router\] INFO Router summary.*' "$out/extensions.log" || echo "(none found)"
grep -o '\[telemetry-router\] INFO [A-Za-z]* intake deliveries=.*' "$out/extensions.log" \
  || echo "(none found)"
echo "(The emulator's \"delivered N events\" is events= here. It includes the extension's own log"
echo "lines, which come back through the Telemetry API and are not routed: received= is events="
echo "minus own_lines=, after_shutdown= and route_failures=.)"
echo
echo "== first records routed to sink 'errors'"
find "$out/errors" -name '*.jsonl' | sort | head -1 | xargs -r head -n 3
echo
echo "Everything the extension printed: $out/extensions.log; the emulator's report: $out/report.json"
