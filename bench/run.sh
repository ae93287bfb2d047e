#!/usr/bin/env bash
# Side-by-side throughput and latency: the HTTPS Stripe stand-in measured directly, this service (recommended
# settings, JDK transport; and stripe-java's HttpURLConnection transport for comparison), and the Express +
# stripe-node peer from Stripe's docs, all driven by the same wrk at 64 and 256 connections in one run. Also
# measures resident memory under load and the time to the first token after process start.
# Prints a Markdown table; with --record, writes docs/PERFORMANCE.md.
#
# Usage: bench/run.sh [--record]
#   JAVA=/path/to/java (default: JDK 25 if installed, else java on PATH), DURATION=20s, DELAY=0.05
set -euo pipefail
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

DURATION="${DURATION:-20s}"
DELAY="${DELAY:-0.05}"
NODE_PORT="${NODE_PORT:-14242}"
if [ -z "${JAVA:-}" ]; then
  # A JDK 25 if one is installed (the startup target is for JDK 25), else the java on PATH.
  JAVA=java
  for candidate in /usr/lib/jvm/*-25*/bin/java; do
    if [ -x "$candidate" ]; then JAVA="$candidate"; break; fi
  done
fi
export JAVA
# The Docker image's JVM options (README, Dockerfile), with -XX:MaxRAM standing in for the container's memory limit
# (512 MiB in deploy/kubernetes), from which -XX:MaxRAMPercentage sizes the heap.
IMAGE_OPTS="-XX:+UseSerialGC -XX:MaxRAMPercentage=40 -Xss512k -XX:ReservedCodeCacheSize=48m -XX:MaxMetaspaceSize=128m"
RECOMMENDED_OPTS="${RECOMMENDED_OPTS:-$IMAGE_OPTS -XX:MaxRAM=512m}"
# glibc's per-thread malloc arenas add tens of MB of resident memory under many threads; two are enough.
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
STANDIN_URL="https://127.0.0.1:$STANDIN_PORT/v1/terminal/connection_tokens"
RESULTS="$WORK_DIR/results.tsv"

require_packages nginx-light libnginx-mod-http-echo wrk curl openssl
make_certificate
start_standin "$DELAY"

measure() { # measure LABEL URL: warm up, then 64 and 256 connections
  local label="$1" url="$2"
  wrk_run "$url" 64 10s "$WORK_DIR/warmup.txt"
  for connections in 64 256; do
    log "$label: $connections connections for $DURATION"
    local out="$WORK_DIR/$label-$connections.txt" rss_file="$WORK_DIR/$label-$connections.rss"
    : >"$rss_file"
    if [ -n "${MEASURED_PID:-}" ]; then
      ( while kill -0 "$MEASURED_PID" 2>/dev/null; do ps -o rss= -p "$MEASURED_PID" >>"$rss_file"; sleep 1; done ) &
      local sampler=$!
    fi
    wrk_run "$url" "$connections" "$DURATION" "$out"
    if ! grep -q 'Requests/sec: *[1-9]' "$out"; then
      log "$label: no request completed at $connections connections; wrk said:"
      cat "$out" >&2
      if [ -f "$WORK_DIR/service.log" ]; then tail -n 20 "$WORK_DIR/service.log" >&2; fi
    fi
    if [ -n "${MEASURED_PID:-}" ]; then kill "$sampler" 2>/dev/null || true; fi
    local rss="n/a"
    if [ -s "$rss_file" ]; then rss="$(sort -n "$rss_file" | tail -n 1 | awk '{printf "%d", $1 / 1024}')"; fi
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$label" "$connections" "$(wrk_figure "$out" rps)" \
      "$(wrk_figure "$out" p50)" "$(wrk_figure "$out" p99)" "$(wrk_figure "$out" errors)" "$rss" >>"$RESULTS"
  done
}

MEASURED_PID="" measure direct "$STANDIN_URL"

JAVA_OPTS="$RECOMMENDED_OPTS" start_service
MEASURED_PID="$SERVICE_PID" measure service "http://127.0.0.1:$SERVICE_PORT/connection_token"
stop_service

JAVA_OPTS="$RECOMMENDED_OPTS" start_service CONNECTION_TOKEN_STRIPE_HTTP_CLIENT=url-connection
MEASURED_PID="$SERVICE_PID" measure service-urlconnection "http://127.0.0.1:$SERVICE_PORT/connection_token"
stop_service

# The same transport with its keep-alive cache raised from 5 to 512 connections per host: isolates the pool's effect.
JAVA_OPTS="$RECOMMENDED_OPTS -Dhttp.maxConnections=512" start_service CONNECTION_TOKEN_STRIPE_HTTP_CLIENT=url-connection
MEASURED_PID="$SERVICE_PID" measure service-urlconnection-pool512 "http://127.0.0.1:$SERVICE_PORT/connection_token"
stop_service

log "node peer: installing express and stripe-node"
(cd "$BENCH_DIR/node-peer" && npm install --no-audit --no-fund --no-package-lock --silent >/dev/null 2>&1)
NODE_EXTRA_CA_CERTS="$WORK_DIR/standin.crt" STRIPE_SECRET_KEY="$BENCH_KEY" \
  STRIPE_API_BASE="https://127.0.0.1:$STANDIN_PORT" PORT="$NODE_PORT" node "$BENCH_DIR/node-peer/server.js" \
  >"$WORK_DIR/node.log" 2>&1 &
PIDS+=("$!")
NODE_PID="$!"
for _ in $(seq 1 50); do curl -fs -X POST "http://127.0.0.1:$NODE_PORT/connection_token" >/dev/null && break; sleep 0.2; done
MEASURED_PID="$NODE_PID" measure node-peer "http://127.0.0.1:$NODE_PORT/connection_token"
kill "$NODE_PID" 2>/dev/null || true

# Time to first token: process start to the first 200 from POST /connection_token.
first_token() { # first_token LABEL JAVA_OPTIONS...
  local label="$1"; shift
  local start end
  start="$(date +%s%N)"
  JAVA_OPTS="$*" start_service_quiet
  local deadline=$((SECONDS + 60))
  until curl -fs -o /dev/null -X POST "http://127.0.0.1:$SERVICE_PORT/connection_token"; do
    if ! kill -0 "$SERVICE_PID" 2>/dev/null || [ "$SECONDS" -gt "$deadline" ]; then
      log "$label: the service did not serve a token; its log:"; tail -n 30 "$WORK_DIR/startup.log" >&2; exit 1
    fi
    sleep 0.01
  done
  end="$(date +%s%N)"
  stop_service
  printf '%s\t%s\n' "$label" "$(( (end - start) / 1000000 ))" >>"$WORK_DIR/startup.tsv"
}
start_service_quiet() { # like start_service, without waiting for readiness
  local jar java_opts
  jar="$EXTRACTED/connection-token-service.jar"
  read -r -a java_opts <<<"${JAVA_OPTS:-}"
  env STRIPE_SECRET_KEY="$BENCH_KEY" STRIPE_API_BASE="https://127.0.0.1:$STANDIN_PORT" SERVER_PORT="$SERVICE_PORT" \
    "$JAVA" "${java_opts[@]}" -Djavax.net.ssl.trustStore="$WORK_DIR/truststore.p12" \
    -Djavax.net.ssl.trustStorePassword=changeit -jar "$jar" >"$WORK_DIR/startup.log" 2>&1 &
  PIDS+=("$!")
  SERVICE_PID="$!"
}
EXTRACTED="$WORK_DIR/extracted"
"$JAVA" -Djarmode=tools -jar "$(service_jar)" extract --destination "$EXTRACTED" >/dev/null
mv "$EXTRACTED"/connection-token-service-*.jar "$EXTRACTED/connection-token-service.jar"
log "startup: training the AOT cache"
# The training run must see the same class path, options and configuration as the measured runs.
read -r -a recommended <<<"$RECOMMENDED_OPTS"
STRIPE_SECRET_KEY="$BENCH_KEY" STRIPE_API_BASE="https://127.0.0.1:$STANDIN_PORT" SERVER_PORT="$SERVICE_PORT" \
  "$JAVA" "${recommended[@]}" -XX:AOTCacheOutput="$EXTRACTED/app.aot" -Dspring.context.exit=onRefresh \
  -Djavax.net.ssl.trustStore="$WORK_DIR/truststore.p12" -Djavax.net.ssl.trustStorePassword=changeit \
  -jar "$EXTRACTED/connection-token-service.jar" >"$WORK_DIR/training.log" 2>&1 || log "AOT cache training failed (needs JDK 25)"
for run in 1 2 3; do
  log "startup run $run"
  first_token plain "$RECOMMENDED_OPTS"
  if [ -f "$EXTRACTED/app.aot" ]; then first_token aot "$RECOMMENDED_OPTS -XX:AOTCache=$EXTRACTED/app.aot"; fi
done

figure() { awk -F'\t' -v l="$1" -v c="$2" -v col="$3" '$1 == l && $2 == c {print $col}' "$RESULTS"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
median() { sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }
table="$(
  printf '| target | connections | requests/s | p50 ms | p99 ms | errors | max RSS MB | vs direct | vs node peer |\n'
  printf '|---|---|---|---|---|---|---|---|---|\n'
  for label in direct service service-urlconnection service-urlconnection-pool512 node-peer; do
    for connections in 64 256; do
      rps="$(figure "$label" "$connections" 3)"
      printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$label" "$connections" "$rps" \
        "$(figure "$label" "$connections" 4)" "$(figure "$label" "$connections" 5)" \
        "$(figure "$label" "$connections" 6)" "$(figure "$label" "$connections" 7)" \
        "$(ratio "$rps" "$(figure direct "$connections" 3)")" "$(ratio "$rps" "$(figure node-peer "$connections" 3)")"
    done
  done
  printf '\nAdded median latency at 64 connections (service p50 - direct p50): %s ms\n' \
    "$(awk -v s="$(figure service 64 4)" -v d="$(figure direct 64 4)" 'BEGIN {printf "%.2f", s - d}')"
  printf '\nTime to first token after process start (median of 3, ms): plain %s' \
    "$(awk -F'\t' '$1 == "plain" {print $2}' "$WORK_DIR/startup.tsv" | median)"
  if grep -q '^aot' "$WORK_DIR/startup.tsv"; then
    printf ', with the AOT cache %s' "$(awk -F'\t' '$1 == "aot" {print $2}' "$WORK_DIR/startup.tsv" | median)"
  fi
  printf '\n'
)"
check() { awk -v v="$1" -v limit="$2" -v op="$3" 'BEGIN { if (v == "" || v == "n/a") print "not measured"; else if ((op == "<=" && v <= limit) || (op == ">=" && v >= limit)) print "met"; else print "**not met**" }'; }
s256="$(figure service 256 3)"
aot_ms="$(awk -F'\t' '$1 == "aot" {print $2}' "$WORK_DIR/startup.tsv" | median)"
added="$(awk -v s="$(figure service 64 4)" -v d="$(figure direct 64 4)" 'BEGIN {printf "%.2f", s - d}')"
targets="$(
  printf '| target | measured | verdict |\n|---|---|---|\n'
  r="$(ratio "$s256" "$(figure direct 256 3)")"; printf '| 256 connections: >= 0.85 x direct | %s | %s |\n' "$r" "$(check "$r" 0.85 '>=')"
  r="$(ratio "$s256" "$(figure node-peer 256 3)")"; printf '| 256 connections: >= 2 x node peer | %s | %s |\n' "$r" "$(check "$r" 2 '>=')"
  r="$(figure service 256 5)"; printf '| 256 connections: p99 <= 100 ms | %s ms | %s |\n' "$r" "$(check "$r" 100 '<=')"
  r="$(figure service 256 6)"; printf '| 256 connections: zero errors | %s | %s |\n' "$r" "$(check "$r" 0 '<=')"
  printf '| 64 connections: added median <= 1 ms | %s ms | %s |\n' "$added" "$(check "$added" 1 '<=')"
  r="$(figure service 256 7)"; printf '| resident memory under load <= 256 MB | %s MB | %s |\n' "$r" "$(check "$r" 256 '<=')"
  printf '| first token <= 1.5 s after start (JDK 25, AOT cache) | %s ms | %s |\n' "${aot_ms:-n/a}" "$(check "${aot_ms:-n/a}" 1500 '<=')"
)"
printf '%s\n\n%s\n' "$table" "$targets"

if [ "${1:-}" = "--record" ]; then
  {
    printf '# Performance\n\n'
    printf 'Measured %s on %s, %s cores, %s; Stripe stand-in: nginx over HTTPS answering after %s s. One run, all targets side by side, driven by the same wrk (2 threads, %s per measurement after a 10 s warm-up).\n\n' \
      "$(date -u +%Y-%m-%d)" "$(uname -m)" "$(nproc)" "$("$JAVA" -version 2>&1 | head -n 1)" "$DELAY" "$DURATION"
    # shellcheck disable=SC2016 # Markdown backticks, not command substitution
    printf 'Service JVM options: `%s` with `MALLOC_ARENA_MAX=2` (the Docker image'"'"'s options, with `-XX:MaxRAM` standing in for the 512 MiB container limit of deploy/kubernetes), defaults otherwise. `service` uses the default JDK transport, `service-urlconnection` stripe-java'"'"'s HttpURLConnection client (at most 5 idle connections per host), `service-urlconnection-pool512` the same with `-Dhttp.maxConnections=512`.\n\n' "$RECOMMENDED_OPTS"
    # shellcheck disable=SC2016
    printf 'Reproduce with `bench/run.sh --record`.\n\n'
    printf '%s\n\n## Targets\n\n%s\n\n' "$table" "$targets"
    cat "$BENCH_DIR/performance-notes.md"
  } >"$ROOT_DIR/docs/PERFORMANCE.md"
  log "wrote docs/PERFORMANCE.md"
fi
