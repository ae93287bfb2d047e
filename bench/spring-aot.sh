#!/usr/bin/env bash
# Time to the first token with Spring's ahead-of-time processing of the context (-Dspring.aot.enabled=true), against
# the same jar without it, each with and without a JDK 25 AOT cache trained on the context refresh (as the image
# trains its cache), in alternating runs against the HTTPS Stripe stand-in. The jar must be built with the spring-aot
# profile, which adds the generated initializers (a jar without them fails at once with the flag):
#
#   ./mvnw -B -q -Pspring-aot package -DskipTests && bench/spring-aot.sh target/connection-token-service-*.jar
#
# RUNS=5 (alternating rounds). Prints one line per start ("label ms") and the median of each.
# Installs (Debian, as root) nginx-light, libnginx-mod-http-echo, wrk, curl and openssl when missing.
set -euo pipefail
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
if [ "$#" -ne 1 ]; then echo "usage: bench/spring-aot.sh JAR" >&2; exit 2; fi
JAVA="$(pick_java)"
export MALLOC_ARENA_MAX=2
OPTS="$IMAGE_JAVA_OPTS -XX:MaxRAM=512m"
require_packages nginx-light libnginx-mod-http-echo wrk curl openssl
make_certificate
start_standin 0.05
EXTRACTED="$WORK_DIR/extracted"
JAR="$(extract_jar "$1" "$EXTRACTED")"

train() { # train NAME EXTRA_OPTIONS: an AOT cache of the context refresh, as the image makes it
  train_aot_cache "$EXTRACTED/$1.aot" "$JAR" "$OPTS $2"
  [ -f "$EXTRACTED/$1.aot" ] || { log "no AOT cache $1 (needs JDK 25)"; tail -n 20 "$WORK_DIR/training-$1.log" >&2; exit 1; }
}

first_token() { # first_token LABEL EXTRA_OPTIONS
  local ms
  ms="$(first_token_ms "$JAR" "$OPTS $2")"
  printf '%s %s\n' "$1" "$ms" | tee -a "$WORK_DIR/first.txt"
}

log "training the AOT caches"
train plain ""
train spring-aot "-Dspring.aot.enabled=true"
for _ in $(seq 1 "${RUNS:-5}"); do
  first_token plain ""
  first_token spring-aot "-Dspring.aot.enabled=true"
  first_token plain+cache "-XX:AOTCache=$EXTRACTED/plain.aot"
  first_token spring-aot+cache "-Dspring.aot.enabled=true -XX:AOTCache=$EXTRACTED/spring-aot.aot"
done
echo "medians (ms):"
for label in plain spring-aot plain+cache spring-aot+cache; do
  printf '  %s %s\n' "$label" "$(awk -v l="$label" '$1 == l {print $2}' "$WORK_DIR/first.txt" | median)"
done
