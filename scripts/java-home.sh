# Sourced by ./jotter, ./test and .ci/run: exports JAVA_HOME pointing at a JDK 25 or newer.
# Order: an existing JAVA_HOME if it is 25+, then the JDKs in /usr/lib/jvm (JOTTER_JVM_DIR, if set,
# names another folder of JDKs) named *25* and newer, then java on PATH.
jotter_java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'; }
# Prints the first JDK 25+ and succeeds; else prints what it did find, one "FOLDER (Java N)" a line, and fails.
jotter_find_java() {
  local c v dir=${JOTTER_JVM_DIR:-/usr/lib/jvm} seen=""
  for c in "${JAVA_HOME:-}" "$dir"/*-25* "$dir"/*25* "$dir"/*-2[6-9]* \
           "$(dirname "$(dirname "$(readlink -f "$(command -v java 2>/dev/null || echo /nonexistent)")")")"; do
    [ -n "$c" ] && [ -x "$c/bin/java" ] || continue
    v=$(jotter_java_major "$c")
    if [ -x "$c/bin/javac" ] && [ -n "$v" ] && [ "${v%%.*}" -ge 25 ] 2>/dev/null; then echo "$c"; return 0; fi
    case "$seen" in *"$c "*) ;; *) seen="$seen$c (Java ${v:-of unknown version}$([ -x "$c/bin/javac" ] || echo ', no javac: a runtime, not a JDK'))
";; esac
  done
  printf '%s' "$seen"
  return 1
}
if jotter_found=$(jotter_find_java); then
  JAVA_HOME=$jotter_found; export JAVA_HOME; export PATH="$JAVA_HOME/bin:$PATH"
else
  if [ -n "$jotter_found" ]; then
    echo "error: Jotter needs a JDK 25 or newer, but found only: $(echo "$jotter_found" | paste -sd';' - | sed 's/;/; /g')." >&2
  else
    echo "error: Jotter needs a JDK 25 or newer, but found no Java at all (looked at \$JAVA_HOME='${JAVA_HOME:-}', ${JOTTER_JVM_DIR:-/usr/lib/jvm}/*25*, and java on PATH)." >&2
  fi
  echo "       Install a JDK 25 (e.g. Temurin 25 from https://adoptium.net) and set JAVA_HOME to its folder." >&2
  unset jotter_found
  return 1 2>/dev/null || exit 1
fi
unset jotter_found
