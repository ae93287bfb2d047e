#!/usr/bin/env bash
# The floor under the first-token target: how long the JVM alone (bench/floor/src/main/jdk/JdkFloor.java, the JDK's
# HTTP server) and the smallest Spring Boot MVC service (bench/floor, same Spring Boot version, one endpoint, the
# actuator's probes) take from process start to their first answer to POST /connection_token, beside this service's
# first token from the Stripe stand-in; each without a cache and with a JDK 25 AOT cache trained on its startup (as
# the image's class-data archive is). Rounds alternate between the six, so that a slow spell hits all of them; the
# medians are printed as a Markdown table. Memory under load, the other floor, is measured by bench/compare.sh with
# the floor's jar beside the service's (docs/PERFORMANCE.md).
#
# Installs (Debian, as root) nginx-light, libnginx-mod-http-echo, curl and openssl when missing; builds bench/floor
# with the project's Maven wrapper.
#
# Usage: bench/floor.sh   (ROUNDS=5; JAVA=/path/to/java, default JDK 25 if installed)
set -euo pipefail
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
JAVA="$(pick_java)"
export JAVA MALLOC_ARENA_MAX=2
OPTS="$IMAGE_JAVA_OPTS -XX:MaxRAM=512m"
require_packages nginx-light libnginx-mod-http-echo curl openssl
make_certificate
start_standin 0.05

log "building the floors"
(cd "$ROOT_DIR" && ./mvnw -B -q -f bench/floor/pom.xml -DskipTests package)
mkdir -p "$WORK_DIR/jdk-floor"
"$(dirname "$JAVA")/javac" -d "$WORK_DIR/jdk-floor" "$BENCH_DIR/floor/src/main/jdk/JdkFloor.java"
"$(dirname "$JAVA")/jar" --create --file "$WORK_DIR/jdk-floor.jar" --main-class JdkFloor -C "$WORK_DIR/jdk-floor" .
# Both Spring Boot jars run extracted, as the image runs the service.
extract() { # extract JAR NAME: prints the extracted application jar
  "$JAVA" -Djarmode=tools -jar "$1" extract --destination "$WORK_DIR/$2" >/dev/null
  find "$WORK_DIR/$2" -maxdepth 1 -name '*.jar' | head -n 1
}
declare -A JARS
JARS[jvm]="$WORK_DIR/jdk-floor.jar"
JARS[spring]="$(extract "$(find "$BENCH_DIR/floor/target" -maxdepth 1 -name 'floor-*.jar' ! -name '*plain*' | head -n 1)" spring)"
JARS[service]="$(extract "$(service_jar)" service)"

# An AOT cache of each one's startup: the Spring Boot ones stop once their context is refreshed, the JVM floor once
# its server has started (JdkFloor's floor.exit).
for name in jvm spring service; do
  log "training the AOT cache of $name"
  read -r -a opts <<<"$OPTS"
  env STRIPE_SECRET_KEY="$BENCH_KEY" STRIPE_API_BASE="$STANDIN_BASE" SERVER_PORT="$SERVICE_PORT" \
    "$JAVA" "${opts[@]}" -XX:AOTCacheOutput="$WORK_DIR/$name.aot" -Dspring.context.exit=onRefresh -Dfloor.exit=true \
    -jar "${JARS[$name]}" >"$WORK_DIR/training-$name.log" 2>&1 || true
  if [ ! -f "$WORK_DIR/$name.aot" ]; then log "no AOT cache for $name (needs JDK 25)"; fi
done

for round in $(seq 1 "${ROUNDS:-5}"); do
  log "round $round"
  for name in jvm spring service; do
    printf '%s\t%s\n' "$name" "$(first_token_ms "${JARS[$name]}" "$OPTS")" >>"$WORK_DIR/first.tsv"
    if [ -f "$WORK_DIR/$name.aot" ]; then
      printf '%s-aot\t%s\n' "$name" "$(first_token_ms "${JARS[$name]}" "$OPTS -XX:AOTCache=$WORK_DIR/$name.aot")" \
        >>"$WORK_DIR/first.tsv"
    fi
  done
done

median() { awk -F'\t' -v k="$1" '$1 == k {print $2}' "$WORK_DIR/first.tsv" | sort -n |
  awk '{v[NR] = $1} END {if (NR == 0) print "n/a"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
all() { awk -F'\t' -v k="$1" '$1 == k {printf "%s%s", s, $2; s = ", "}' "$WORK_DIR/first.tsv"; }
# Backquotes are Markdown here, not command substitution.
# shellcheck disable=SC2016
printf 'Measured %s on %s, %s cores, %s; JVM options `%s`, `MALLOC_ARENA_MAX=2`; %s rounds, alternating. Reproduce with `bench/floor.sh`.\n\n' \
  "$(date -u +%Y-%m-%d)" "$(uname -m)" "$(nproc)" "$("$JAVA" -version 2>&1 | head -n 1)" "$OPTS" "${ROUNDS:-5}"
printf '| from process start to the first answer | no cache: median ms (runs) | AOT cache of its startup: median ms (runs) |\n|---|---|---|\n'
printf '| the JVM alone: the JDK'"'"'s HTTP server, a fixed answer | %s (%s) | %s (%s) |\n' \
  "$(median jvm)" "$(all jvm)" "$(median jvm-aot)" "$(all jvm-aot)"
printf '| the smallest Spring Boot MVC service (bench/floor), a fixed answer | %s (%s) | %s (%s) |\n' \
  "$(median spring)" "$(all spring)" "$(median spring-aot)" "$(all spring-aot)"
printf '| this service, a token from the Stripe stand-in | %s (%s) | %s (%s) |\n' \
  "$(median service)" "$(all service)" "$(median service-aot)" "$(all service-aot)"
