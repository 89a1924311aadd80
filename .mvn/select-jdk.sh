# Sourced by ./mvnw before it starts Maven. The build needs a JDK 25, and on our machines the
# `java` on the PATH is often an older default with a JDK 25 installed beside it. Maven itself
# runs on the selected JDK, so every plugin (compiler, formatter, tests, exec) sees Java 25.
# Order: a JAVA_HOME that already points at a JDK 25+, then the usual install folders.

telemetry_router_java_feature() {
  # Prints the feature release (17, 21, 25, ...) of the JDK at $1, or nothing.
  # mvnw runs under `set -e`: every step here must succeed even when $1 is no JDK.
  if [ -n "$1" ] && [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] && [ -r "$1/release" ]; then
    sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" || :
  fi
}

telemetry_router_select_jdk() {
  required=25
  feature=$(telemetry_router_java_feature "${JAVA_HOME-}")
  if [ -n "${JAVA_HOME-}" ] && [ -n "$feature" ] && [ "$feature" -ge "$required" ]; then
    return 0
  fi
  set +f # mvnw turns globbing off; the search below needs it.
  for candidate in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* \
    "${HOME-}"/.sdkman/candidates/java/* "${HOME-}"/.jdks/*; do
    feature=$(telemetry_router_java_feature "$candidate")
    if [ -n "$feature" ] && [ "$feature" -ge "$required" ]; then
      JAVA_HOME="$candidate"
      export JAVA_HOME
      set -f
      return 0
    fi
  done
  echo "Telemetry Router needs a JDK $required or newer to build, and none was found." >&2
  echo "JAVA_HOME is '${JAVA_HOME-}' and no JDK $required+ is in /usr/lib/jvm, /usr/java, /opt" >&2
  echo "or ~/.sdkman. Install a JDK $required (e.g. Temurin $required) and set JAVA_HOME to it." >&2
  exit 1
}

telemetry_router_select_jdk
