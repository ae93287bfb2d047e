#!/usr/bin/env bash
# Where the service's startup goes: runs bench/startup/StartupSteps.java against the extracted service jar (no AOT
# cache, the image's JVM options, offline mode, nothing called), which records Spring's startup steps and prints the
# costliest, the top-level beans with what they pulled in, and the classes loaded (the service's own log is kept only
# if it fails). Extra JVM options go in EXTRA_OPTS, e.g. EXTRA_OPTS=-Dspring.main.lazy-initialization=true (the Redis
# store needs a Redis server: its rate limiter connects when it is made).
#
# Usage: bench/startup-steps.sh [JAR]   (JAVA=/path/to/java, default JDK 25 if installed; needs a JDK: javac)
set -euo pipefail
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
JAVA="$(pick_java)"
app_jar="$(extract_jar "${1:-$(service_jar)}" "$WORK_DIR/app")"
classpath="$app_jar:$WORK_DIR/app/lib/*"
"$(jdk_tool javac)" -nowarn -cp "$classpath" -d "$WORK_DIR/classes" "$BENCH_DIR/startup/StartupSteps.java"
read -r -a opts <<<"$IMAGE_JAVA_OPTS -XX:MaxRAM=512m ${EXTRA_OPTS:-}"
# The report is on standard error, the service's log on standard output.
if ! env MALLOC_ARENA_MAX=2 SERVER_PORT=0 STRIPE_SECRET_KEY= \
  "$JAVA" "${opts[@]}" -cp "$WORK_DIR/classes:$classpath" StartupSteps 3>&1 1>"$WORK_DIR/service.log" 2>&3; then
  log "the service did not start; its log:"
  tail -n 50 "$WORK_DIR/service.log" >&2
  exit 1
fi
