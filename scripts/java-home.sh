# Sourced by ./jotter, ./test and .ci/run: exports JAVA_HOME pointing at a JDK 25 or newer.
# Order: an existing JAVA_HOME if it is 25+, then /usr/lib/jvm/*25* (and newer), then java on PATH.
jotter_java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'; }
jotter_find_java() {
  local c
  for c in "${JAVA_HOME:-}" /usr/lib/jvm/*-25* /usr/lib/jvm/*25* /usr/lib/jvm/*-2[6-9]* \
           "$(dirname "$(dirname "$(readlink -f "$(command -v java 2>/dev/null || echo /nonexistent)")")")"; do
    [ -n "$c" ] && [ -x "$c/bin/javac" ] || continue
    local v; v=$(jotter_java_major "$c")
    if [ -n "$v" ] && [ "${v%%.*}" -ge 25 ] 2>/dev/null; then echo "$c"; return 0; fi
  done
  return 1
}
if JAVA_HOME=$(jotter_find_java); then
  export JAVA_HOME; export PATH="$JAVA_HOME/bin:$PATH"
else
  echo "error: no JDK 25 found (looked at \$JAVA_HOME='${JAVA_HOME:-}', /usr/lib/jvm/*25*, and java on PATH)." >&2
  echo "       Install one (e.g. Temurin 25) and set JAVA_HOME to it." >&2
  return 1 2>/dev/null || exit 1
fi
