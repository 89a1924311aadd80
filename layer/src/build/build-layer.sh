#!/usr/bin/env bash
# Assembles the layer folder (what Lambda extracts into /opt) from the jars Maven copied:
#   extensions/telemetry-router        the launcher (mode 0755)
#   telemetry-router/lib/*.jar         the extension and its dependencies, plus jars.sha256
#   telemetry-router/runtime/          a jlink-trimmed Java runtime with only the modules we use
#   telemetry-router/jvm.options       JVM flags (see docs/benchmarks.md for the measurements)
#   telemetry-router/routing.yaml      the default configuration
# Usage: build-layer.sh <layer-dir> <java-home> <module-src-dir>
set -euo pipefail

layer="$1"
java_home="$2"
src="$3"
home="$layer/telemetry-router"
lib="$home/lib"

# One line that changes whenever any jar changes: the launcher compares it with the AOT cache's.
(cd "$lib" && sha256sum -- *.jar | LC_ALL=C sort -k2 | sha256sum | cut -d' ' -f1) > "$lib/jars.sha256"

# The modules the jars need, as jdeps sees them, plus what is reached only by reflection or
# service lookup: jdk.crypto.ec-style providers live in java.base since JDK 22; DNS (java.naming)
# and the unsupported Unsafe (jdk.unsupported) are used by the AWS SDK and OkHttp at run time.
classpath=$(find "$lib" -name '*.jar' | LC_ALL=C sort | paste -sd:)
detected=$("$java_home/bin/jdeps" --multi-release 25 --ignore-missing-deps --print-module-deps \
  --class-path "$classpath" "$lib"/router-core-*.jar 2>/dev/null || true)
modules="java.base,java.net.http,jdk.httpserver,java.naming,jdk.unsupported,jdk.crypto.cryptoki"
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

# The class path is spelled out jar by jar, in a fixed order: an AOT cache is only valid for the
# class path it was trained with.
cp_line=$(cd "$lib" && ls -1 -- *.jar | LC_ALL=C sort | sed 's|^|$home/lib/|' | paste -sd:)
mkdir -p "$layer/extensions"
sed "s|@CLASSPATH@|$cp_line|" "$src/src/main/launcher/telemetry-router" \
  > "$layer/extensions/telemetry-router"
chmod 0755 "$layer/extensions/telemetry-router"

cp "$src/src/main/layer-config/jvm.options" "$home/jvm.options"
cp "$src/src/main/layer-config/routing.yaml" "$home/routing.yaml"
echo "layer assembled in $layer ($(du -sh "$layer" | cut -f1) unzipped)"
