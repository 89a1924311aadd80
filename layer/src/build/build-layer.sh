#!/usr/bin/env bash
# Assembles the layer folder (what Lambda extracts into /opt) from the jars Maven copied:
#   extensions/telemetry-router        the launcher (mode 0755)
#   telemetry-router/lib/*.jar         the extension and its dependencies, plus jars.sha256
#   telemetry-router/runtime/          a jlink-trimmed Java runtime with only the modules we use
#   telemetry-router/jvm.options       JVM flags (see docs/benchmarks.md for the measurements)
#   telemetry-router/routing.example.yaml  a starting point for a function's own routing.yaml
# The AOT cache (telemetry-router/aot/) is added afterwards by the training run (AotTraining in
# src/test/java); any cache left from an earlier build is deleted here first, so that a cache can
# only ever sit beside the jars it was trained on.
# Usage: build-layer.sh <layer-dir> <java-home> <module-src-dir>
set -euo pipefail

layer="$1"
java_home="$2"
src="$3"
home="$layer/telemetry-router"
lib="$home/lib"
rm -rf "$home/aot"

# One line that changes whenever any jar changes: the launcher compares it with the AOT cache's.
(cd "$lib" && sha256sum -- *.jar | LC_ALL=C sort -k2 | sha256sum | cut -d' ' -f1) > "$lib/jars.sha256"

# The modules the jars need, as jdeps sees them (every jar: the sinks and the AWS SDK too), plus
# what is reached only by reflection or service lookup and so is invisible to jdeps: DNS through
# JNDI (java.naming) and Unsafe (jdk.unsupported) used by the AWS SDK at run time. The packaged
# layer's end-to-end test runs every sink on this runtime, which is what proves the list complete.
# --module-path: okhttp is a named module that requires okio and kotlin.stdlib by module name.
detected=$("$java_home/bin/jdeps" --multi-release 25 --ignore-missing-deps --print-module-deps \
  --module-path "$lib" "$lib"/*.jar 2>/dev/null | tail -n 1 || true)
case "$detected" in
  java.base*) ;;
  *) detected="" ;;
esac
if [ -z "$detected" ]; then
  echo "jdeps found no module dependencies in $lib: the runtime would be incomplete" >&2
  exit 1
fi
modules="java.base,java.net.http,java.naming,jdk.unsupported"
if [ -n "$detected" ]; then
  modules="$modules,$detected"
fi
echo "$modules" | tr ',' '\n' | LC_ALL=C sort -u | paste -sd, > "$home/runtime.modules"

rm -rf "$home/runtime"
"$java_home/bin/jlink" \
  --add-modules "$(cat "$home/runtime.modules")" \
  --output "$home/runtime" \
  --strip-debug --no-man-pages --no-header-files \
  --generate-cds-archive

# Only the java launcher is needed (keytool, jwebserver and the like are not). The CDS archive for
# heaps over 32 GB (classes_nocoops.jsa, 14 MB) can never be used under our -Xmx; classes.jsa stays
# as the fallback when the AOT cache is skipped.
find "$home/runtime/bin" -type f ! -name java -delete
rm -f "$home/runtime/lib/server/classes_nocoops.jsa"

# The class path is spelled out jar by jar, in a fixed order: an AOT cache is only valid for the
# class path it was trained with.
cp_line=$(cd "$lib" && ls -1 -- *.jar | LC_ALL=C sort | sed 's|^|$home/lib/|' | paste -sd:)
mkdir -p "$layer/extensions"
sed "s|@CLASSPATH@|$cp_line|" "$src/src/main/launcher/telemetry-router" \
  > "$layer/extensions/telemetry-router"
chmod 0755 "$layer/extensions/telemetry-router"

cp "$src/src/main/layer-config/jvm.options" "$home/jvm.options"
# No active routing.yaml: the built-in default from TELEMETRY_ROUTER_SINK/TARGET must apply (an
# older build of this folder may still hold one).
rm -f "$home/routing.yaml"
cp "$src/src/main/layer-config/routing.example.yaml" "$home/routing.example.yaml"
echo "layer assembled in $layer ($(du -sh "$layer" | cut -f1) unzipped)"
