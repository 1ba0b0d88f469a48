# Sourced by bin/vireo, bin/vireod and the scripts: sets VIREO_JAVA_HOME to a JDK >= 25.
# Order: $JAVA_HOME, then every JDK under /usr/lib/jvm (newest first), then `java` on PATH.
# Reads each JDK's `release` file instead of running java, so it costs no JVM start.
vireo_java_major() { # JDK_HOME -> major version, or nothing
  local v
  [ -x "$1/bin/java" ] && [ -r "$1/release" ] || return 0
  v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release")
  echo "$v"
}
vireo_find_java() {
  local c m
  for c in "${JAVA_HOME:-}" $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV) \
           "$(dirname "$(dirname "$(readlink -f "$(command -v java 2>/dev/null || echo /nonexistent)")")")"; do
    [ -n "$c" ] || continue
    c=${c%/}
    m=$(vireo_java_major "$c")
    if [ -n "$m" ] && [ "$m" -ge 25 ]; then VIREO_JAVA_HOME=$c; return 0; fi
  done
  echo "error: Vireo needs a JDK 25 or newer; none found in \$JAVA_HOME, /usr/lib/jvm or PATH." >&2
  echo "       Install one (e.g. Temurin 25) and set JAVA_HOME to it." >&2
  return 1
}
