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
# The floor is only a floor on the service's own Spring Boot version: refuse to measure another.
boot_version() { sed -n '/<artifactId>spring-boot-starter-parent</{n;s/.*<version>\(.*\)<\/version>.*/\1/p;q;}' "$1"; }
if [ "$(boot_version "$BENCH_DIR/floor/pom.xml")" != "$(boot_version "$ROOT_DIR/pom.xml")" ]; then
  log "bench/floor/pom.xml is on Spring Boot $(boot_version "$BENCH_DIR/floor/pom.xml"), the service on" \
    "$(boot_version "$ROOT_DIR/pom.xml"): set the floor's parent to the service's version"
  exit 1
fi
require_packages nginx-light libnginx-mod-http-echo curl openssl
make_certificate
start_standin 0.05

log "building the floors"
(cd "$ROOT_DIR" && ./mvnw -B -q -f bench/floor/pom.xml -DskipTests package)
mkdir -p "$WORK_DIR/jdk-floor"
"$(jdk_tool javac)" -d "$WORK_DIR/jdk-floor" "$BENCH_DIR/floor/src/main/jdk/JdkFloor.java"
"$(jdk_tool jar)" --create --file "$WORK_DIR/jdk-floor.jar" --main-class JdkFloor -C "$WORK_DIR/jdk-floor" .
# Both Spring Boot jars run extracted, as the image runs the service.
declare -A JARS
JARS[jvm]="$WORK_DIR/jdk-floor.jar"
JARS[spring]="$(extract_jar "$(find "$BENCH_DIR/floor/target" -maxdepth 1 -name 'floor-*.jar' ! -name '*plain*' |
  head -n 1)" "$WORK_DIR/spring")"
JARS[service]="$(extract_jar "$(service_jar)" "$WORK_DIR/service")"

# An AOT cache of each one's startup: the Spring Boot ones stop once their context is refreshed, the JVM floor once
# its server has started (JdkFloor's floor.exit).
for name in jvm spring service; do
  log "training the AOT cache of $name"
  train_aot_cache "$WORK_DIR/$name.aot" "${JARS[$name]}" "$OPTS -Dfloor.exit=true"
  if [ ! -f "$WORK_DIR/$name.aot" ]; then log "no AOT cache for $name (needs JDK 25)"; fi
done

for round in $(seq 1 "${ROUNDS:-5}"); do
  log "round $round"
  for name in jvm spring service; do
    # A start that fails is recorded as such, and the rounds go on.
    ms="$(first_token_ms "${JARS[$name]}" "$OPTS")" || ms=failed
    printf '%s\t%s\n' "$name" "$ms" >>"$WORK_DIR/first.tsv"
    if [ -f "$WORK_DIR/$name.aot" ]; then
      ms="$(first_token_ms "${JARS[$name]}" "$OPTS -XX:AOTCache=$WORK_DIR/$name.aot")" || ms=failed
      printf '%s-aot\t%s\n' "$name" "$ms" >>"$WORK_DIR/first.tsv"
    fi
  done
done

median_of() { # the median of the runs that served a token
  local m
  m="$(awk -F'\t' -v k="$1" '$1 == k && $2 ~ /^[0-9]+$/ {print $2}' "$WORK_DIR/first.tsv" | median)"
  echo "${m:-n/a}"
}
all() { awk -F'\t' -v k="$1" '$1 == k {printf "%s%s", s, $2; s = ", "}' "$WORK_DIR/first.tsv"; }
# Backquotes are Markdown here, not command substitution.
# shellcheck disable=SC2016
printf 'Measured %s on %s, %s cores, %s; JVM options `%s`, `MALLOC_ARENA_MAX=2`; %s rounds, alternating. Reproduce with `bench/floor.sh`.\n\n' \
  "$(date -u +%Y-%m-%d)" "$(uname -m)" "$(nproc)" "$("$JAVA" -version 2>&1 | head -n 1)" "$OPTS" "${ROUNDS:-5}"
printf '| from process start to the first answer | no cache: median ms (runs) | AOT cache of its startup: median ms (runs) |\n|---|---|---|\n'
printf '| the JVM alone: the JDK'"'"'s HTTP server, a fixed answer | %s (%s) | %s (%s) |\n' \
  "$(median_of jvm)" "$(all jvm)" "$(median_of jvm-aot)" "$(all jvm-aot)"
printf '| the smallest Spring Boot MVC service (bench/floor), a fixed answer | %s (%s) | %s (%s) |\n' \
  "$(median_of spring)" "$(all spring)" "$(median_of spring-aot)" "$(all spring-aot)"
printf '| this service, a token from the Stripe stand-in | %s (%s) | %s (%s) |\n' \
  "$(median_of service)" "$(all service)" "$(median_of service-aot)" "$(all service-aot)"
