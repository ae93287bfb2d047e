#!/usr/bin/env bash
# Where the service's startup goes: runs bench/startup/StartupSteps.java against the extracted service jar (no AOT
# cache, the image's JVM options, offline mode, nothing called), which records Spring's startup steps and prints the
# costliest, the top-level beans with what they pulled in, and the classes loaded (the service's own log is dropped). Extra JVM options go in EXTRA_OPTS,
# e.g. EXTRA_OPTS=-Dconnection-token.rate-limit.store=redis.
#
# Usage: bench/startup-steps.sh [JAR]   (JAVA=/path/to/java, default JDK 25 if installed; needs a JDK: javac)
set -euo pipefail
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
JAVA="$(pick_java)"
"$JAVA" -Djarmode=tools -jar "${1:-$(service_jar)}" extract --destination "$WORK_DIR/app" >/dev/null
app_jar="$(find "$WORK_DIR/app" -maxdepth 1 -name '*.jar' | head -n 1)"
classpath="$app_jar:$WORK_DIR/app/lib/*"
"$(dirname "$JAVA")/javac" -nowarn -cp "$classpath" -d "$WORK_DIR/classes" "$BENCH_DIR/startup/StartupSteps.java"
read -r -a opts <<<"$IMAGE_JAVA_OPTS -XX:MaxRAM=512m ${EXTRA_OPTS:-}"
env MALLOC_ARENA_MAX=2 SERVER_PORT=0 STRIPE_SECRET_KEY= \
  "$JAVA" "${opts[@]}" -cp "$WORK_DIR/classes:$classpath" StartupSteps 3>&1 1>"$WORK_DIR/service.log" 2>&3
