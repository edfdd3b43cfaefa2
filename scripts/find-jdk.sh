#!/usr/bin/env bash
# Prints a JAVA_HOME whose java is release 21 or newer: $JAVA_HOME, then the java on PATH, then the JDKs in
# the usual system folders. Fails with a clear message when there is none.
set -euo pipefail

major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}'; }

candidates=()
[ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
if command -v java >/dev/null 2>&1; then
  candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
fi
for dir in /usr/lib/jvm/* /opt/java/* /opt/jdk* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
  [ -d "$dir" ] && candidates+=("$dir")
done

best=""; best_major=0
for home in "${candidates[@]}"; do
  [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || continue
  m=$(major "$home" || echo 0)
  m=${m%%.*}
  if [ "${m:-0}" -ge 21 ] && [ "$m" -gt "$best_major" ]; then best="$home"; best_major=$m; fi
done

if [ -z "$best" ]; then
  echo "No JDK 21 or newer found (looked at JAVA_HOME, PATH and /usr/lib/jvm). Install one, e.g. 'apt-get install openjdk-21-jdk' or Temurin 21." >&2
  exit 1
fi
echo "$best"
