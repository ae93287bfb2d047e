#!/usr/bin/env bash
# Side-by-side performance on one machine, in one run, driven by the same wrk:
#   direct       the HTTPS Stripe stand-in (nginx + echo, answering after DELAY s) measured directly: the ceiling
#   nginx-proxy  nginx as a bare reverse proxy to the stand-in (keep-alive upstream): what any proxy costs here
#   service      this service, warm, with the Docker image's JVM options and a 512 MiB memory limit
#   node-peer    Express + stripe-node (bench/node-peer), the shape of Stripe's example backend
#   cold rows    a fresh service process that has just turned ready, at once given 256 callers for 12 s
#   storm        the Stripe budget in a reconnect storm: STORM_CALLERS (600) callers arriving over 10 s at two
#                replicas that share one Redis, against the stand-in limited as Stripe limits the endpoint (25 calls/s
#                per account, 429 beyond); each caller honors Retry-After until it has a token (bench/storm.mjs).
#                Each run starts two replicas, storms them as soon as they are ready (cold), then again (warm)
# For each: requests/s, p50 and p99, failed requests, CPU per token (user + system time of the server's processes over
# the measurement, divided by the requests served), and the service's peak resident memory; then the time from
# process start to the first token; for the storm, tokens/s, time to a token, and the calls and 429s Stripe saw.
# Prints Markdown; with --record, replaces the latest records (bench:begin and bench-storm:begin) in bench/README.md.
#
# Installs (Debian, as root) nginx-light, libnginx-mod-http-echo, wrk, curl, openssl and redis-server when missing, and
# express and stripe from npm for the Node peer. Needs Node (the Node peer and the storm driver).
#
# Usage: bench/run.sh [--storm-only] [--record]
#   --storm-only: the storm row alone (about 100 s a run, 5 minutes in all, against about half an hour for all rows);
#   with --record it replaces only the storm's record.
#   JAVA=/path/to/java (default: JDK 25 if installed, else java on PATH), DURATION=20s, DELAY=0.05,
#   WARMUP=90s (at 256 connections before a warm measurement: on 2 cores the JIT needs about that long),
#   TRAINING=30s (of 256-connection load while an AOT cache records), COLD_TIMEOUT=2s (a slower cold request fails)
#   Storm: STORM_RUNS=3 (medians), STORM_CALLERS=600, STORM_ARRIVALS=10 (s), STORM_BUDGET=20 (the service's default
#   budget per second; 0 turns it off), STORM_LIMIT=25 (the stand-in's calls/s per account), STANDIN_BURST=5,
#   STORM_PAUSE=5 (s between the cold and the warm storm), STORM_PORTS="18610 18611" (the replicas),
#   REDIS_PORT=18620 (the first port tried), STORM_ENV="NAME=value ..." (more environment for the replicas).
#   KEEP_WORK=1 keeps the work directory (the replicas' logs) for reading afterwards.
set -euo pipefail
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

RECORD="" STORM_ONLY=""
for arg in "$@"; do
  case "$arg" in
    --record) RECORD=1 ;;
    --storm-only) STORM_ONLY=1 ;;
    *) echo "usage: bench/run.sh [--storm-only] [--record]" >&2; exit 2 ;;
  esac
done

DURATION="${DURATION:-20s}"
WARMUP="${WARMUP:-90s}"
TRAINING="${TRAINING:-30s}"
DELAY="${DELAY:-0.05}"
COLD_TIMEOUT="${COLD_TIMEOUT:-2s}"
STORM_RUNS="${STORM_RUNS:-3}"
STORM_CALLERS="${STORM_CALLERS:-600}"
STORM_ARRIVALS="${STORM_ARRIVALS:-10}"
STORM_BUDGET="${STORM_BUDGET:-20}"
STORM_LIMIT="${STORM_LIMIT:-25}"
STORM_PAUSE="${STORM_PAUSE:-5}"
read -r -a STORM_PORTS <<<"${STORM_PORTS:-18610 18611}"
NODE_PORT="${NODE_PORT:-14242}"
PROXY_PORT="${PROXY_PORT:-18081}"
JAVA="$(pick_java)"
export JAVA
# The Docker image's JVM options (IMAGE_JAVA_OPTS, bench/lib.sh), with -XX:MaxRAM for the container's memory limit.
IMAGE_OPTS="${IMAGE_OPTS:-$IMAGE_JAVA_OPTS}"
RECOMMENDED_OPTS="${RECOMMENDED_OPTS:-$IMAGE_OPTS -XX:MaxRAM=512m}"
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
STANDIN_URL="https://127.0.0.1:$STANDIN_PORT/v1/terminal/connection_tokens"
SERVICE_URL="http://127.0.0.1:$SERVICE_PORT/connection_token"
RESULTS="$WORK_DIR/results.tsv"
CLK_TCK="$(getconf CLK_TCK)"

require_packages nginx-light libnginx-mod-http-echo wrk curl openssl redis-server
make_certificate
start_standin "$DELAY"

# The storm row: STORM_RUNS runs, each against two fresh replicas: a storm as soon as they are ready (cold), then,
# after STORM_PAUSE s, the same storm again (warm: replicas that have been serving, as they are when stores reconnect
# after a network outage). One line per storm in $STORM_RESULTS.
STORM_RESULTS="$WORK_DIR/storm.tsv"
storm() {
  log "storm: $STORM_CALLERS callers over $STORM_ARRIVALS s, budget $STORM_BUDGET/s, stand-in $STORM_LIMIT/s"
  STANDIN_LIMIT="$STORM_LIMIT" start_standin "$DELAY"
  start_redis
  # A copy: a build during the runs would replace the jar under the running replicas.
  STORM_JAR="$WORK_DIR/storm.jar"
  cp "$(service_jar)" "$STORM_JAR"
  local run
  for run in $(seq 1 "$STORM_RUNS"); do storm_run "$run"; done
  stop_redis
}

# storm_run RUN: replicas on STORM_PORTS sharing Redis, a cold storm and a warm one.
storm_run() {
  local port bases=() replicas=() pid extra=()
  read -r -a extra <<<"${STORM_ENV:-}"
  for port in "${STORM_PORTS[@]}"; do
    JAVA_OPTS="$RECOMMENDED_OPTS" MANAGEMENT_PORT="" SERVICE_PORT="$port" SERVICE_JAR="$STORM_JAR" \
      SERVICE_LOG="$WORK_DIR/storm-$1-$port.log" start_service STRIPE_SECRET_KEY=sk_test_51StormBenchStandIn00000 \
      CONNECTION_TOKEN_RATE_LIMIT_STORE=redis SPRING_DATA_REDIS_URL="$REDIS_URL" \
      CONNECTION_TOKEN_STRIPE_BUDGET_PER_SECOND="$STORM_BUDGET" CONNECTION_TOKEN_AUDIT_ENABLED=false \
      "${extra[@]}"
    replicas+=("$SERVICE_PID")
    bases+=("http://127.0.0.1:$port")
  done
  storm_once cold "$1" "${bases[@]}"
  sleep "$STORM_PAUSE"
  storm_once warm "$1" "${bases[@]}"
  for pid in "${replicas[@]}"; do SERVICE_PID="$pid" stop_service; done
}

# storm_once PHASE RUN BASE_URL...: the driver, then what the stand-in saw.
storm_once() {
  local phase="$1" run="$2" figures
  shift 2
  : >"$WORK_DIR/standin-calls.log"
  figures="$(CALLERS="$STORM_CALLERS" ARRIVAL_SECONDS="$STORM_ARRIVALS" API_KEY="${AUTH:+$BENCH_API_KEY}" \
    node "$BENCH_DIR/storm.mjs" "$@")"
  printf '%s\t%s\t%s\t%s\n' "$phase" "$run" "$figures" "$(standin_calls "$WORK_DIR/standin-calls.log")" \
    >>"$STORM_RESULTS"
  log "storm, $phase, run $run: $(tail -n 1 "$STORM_RESULTS")"
}

# The stand-in's 429s, and the most calls it received in any one second (a sliding window over the calls' arrivals:
# the logged end less the call's duration).
standin_calls() {
  awk '{printf "%.3f %s\n", $1 - $2, $3}' "$1" | sort -n | awk 'BEGIN {first = 1}
    {t[NR] = $1; if ($2 == 429) limited++; while (t[first] <= $1 - 1) first++}
    NR - first + 1 > most {most = NR - first + 1}
    END {printf "%d\t%d\n", limited, most}'
}

# Columns of $STORM_RESULTS: phase, run, tokens, tokens/s, p50 s, p99 s, attempts, answers, Stripe 429s, most calls in
# 1 s. A row per storm, and the medians of each phase.
storm_table() {
  local budget="$STORM_BUDGET/s" phase column
  if [ "$STORM_BUDGET" = 0 ]; then budget="off"; fi
  printf '| storm: %s callers over %s s, 2 replicas, budget %s, stand-in %s/s | tokens | tokens/s | vs budget | p50 s to token | p99 s to token | attempts | Stripe 429s | most Stripe calls in 1 s | answers |\n' \
    "$STORM_CALLERS" "$STORM_ARRIVALS" "$budget" "$STORM_LIMIT"
  printf '|---|---|---|---|---|---|---|---|---|---|\n'
  for phase in warm cold; do
    awk -F'\t' -v p="$phase" -v b="$STORM_BUDGET" '$1 == p {
      printf "| %s, run %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n",
        $1, $2, $3, $4, (b > 0 ? sprintf("%.2f", $4 / b) : "n/a"), $5, $6, $7, $9, $10, $8}' "$STORM_RESULTS"
    printf '| **%s, median** |' "$phase"
    for column in 3 4 0 5 6 7 9 10; do
      if [ "$column" = 0 ]; then
        storm_column "$phase" 4 | median |
          awk -v b="$STORM_BUDGET" '{printf " %s |", (b > 0 ? sprintf("%.2f", $1 / b) : "n/a")}'
      else
        printf ' %s |' "$(storm_column "$phase" "$column" | median)"
      fi
    done
    printf ' |\n'
  done
}

storm_column() { awk -F'\t' -v p="$1" -v c="$2" '$1 == p {print $c}' "$STORM_RESULTS"; }

# record NAME TEXT: replaces the NAME record of bench/README.md (its NAME:begin line to its NAME:end line) with TEXT.
record() {
  local doc="$ROOT_DIR/bench/README.md"
  if ! grep -q "^<!-- $1:begin" "$doc"; then log "bench/README.md has no $1:begin marker"; return 1; fi
  MEASURED="$2" awk -v begin="<!-- $1:begin" -v end="<!-- $1:end -->" '
    index($0, begin) == 1 {print ENVIRON["MEASURED"]; skip = 1; next}
    index($0, end) == 1 {skip = 0; next}
    !skip {print}' "$doc" >"$WORK_DIR/README.md"
  cp "$WORK_DIR/README.md" "$doc"
  log "updated bench/README.md ($1)"
}

# The storm settings that differ from the defaults, as a command's environment ("STORM_RUNS=1 ").
storm_settings() {
  local setting name
  for setting in STORM_RUNS=3 STORM_CALLERS=600 STORM_ARRIVALS=10 STORM_BUDGET=20 STORM_LIMIT=25 STANDIN_BURST=5; do
    name="${setting%%=*}"
    if [ "${!name:-${setting#*=}}" != "${setting#*=}" ]; then printf '%s=%s ' "$name" "${!name}"; fi
  done
}

storm_record() {
  printf '<!-- bench-storm:begin (written by bench/run.sh --record; edit the prose outside this block) -->\n'
  # shellcheck disable=SC2016 # Markdown backticks, not command substitution
  printf 'Measured %s on %s, %s cores, %s; Stripe stand-in: nginx over HTTPS answering after %s s, %s calls/s per account (burst %s), 429 with Stripe'"'"'s error body beyond; Redis %s. Replica JVM options: `%s`, `MALLOC_ARENA_MAX=2`. Reproduce with `%sbench/run.sh --storm-only --record`.\n\n' \
    "$(date -u +%Y-%m-%d)" "$(uname -m)" "$(nproc)" "$("$JAVA" -version 2>&1 | head -n 1)" "$DELAY" "$STORM_LIMIT" \
    "${STANDIN_BURST:-5}" "$(redis-server --version | awk '{print $3}' | sed 's/^v=//')" "$RECOMMENDED_OPTS" \
    "$(storm_settings)"
  storm_table
  printf '<!-- bench-storm:end -->\n'
}

if [ -n "$STORM_ONLY" ]; then
  storm
  storm_table
  if [ -n "$RECORD" ]; then record bench-storm "$(storm_record)"; fi
  exit 0
fi

# measure_once LABEL CONNECTIONS DURATION URL PIDS...: one wrk run, recorded with the CPU the given processes used.
measure_once() {
  local label="$1" connections="$2" duration="$3" url="$4"; shift 4
  local out="$WORK_DIR/$label-$connections.txt" rss_file="$WORK_DIR/$label-$connections.rss" before after sampler=""
  : >"$rss_file"
  if [ -n "${RSS_PID:-}" ]; then
    ( while kill -0 "$RSS_PID" 2>/dev/null; do ps -o rss= -p "$RSS_PID" >>"$rss_file"; sleep 1; done ) &
    sampler=$!
  fi
  before="$(cpu_ticks "$@")"
  wrk -t2 -c"$connections" -d"$duration" --timeout "${WRK_TIMEOUT:-10s}" --latency -s "$(wrk_post_script)" "$url" \
    >"$out"
  after="$(cpu_ticks "$@")"
  if [ -n "$sampler" ]; then kill "$sampler" 2>/dev/null || true; fi
  local requests rss="n/a" cpu="n/a"
  requests="$(wrk_figure "$out" requests)"
  if [ -s "$rss_file" ]; then rss="$(sort -n "$rss_file" | tail -n 1 | awk '{printf "%d", int(($1 + 1023) / 1024)}')"; fi
  if [ "$#" -gt 0 ] && [ "${requests:-0}" -gt 0 ]; then
    cpu="$(awk -v t=$((after - before)) -v hz="$CLK_TCK" -v n="$requests" 'BEGIN {printf "%d", int((t * 1000000 + hz * n - 1) / (hz * n))}')"
  fi
  if ! grep -q 'Requests/sec: *[1-9]' "$out"; then log "$label: no request completed"; cat "$out" >&2; fi
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$label" "$connections" "$(wrk_figure "$out" rps)" \
    "$(wrk_figure "$out" p50)" "$(wrk_figure "$out" p99)" "$(wrk_figure "$out" errors)" "$rss" "$cpu" >>"$RESULTS"
}

# measure LABEL URL PIDS...: a warm-up at 256 connections, then 256 and 64 connections.
measure() {
  local label="$1" url="$2"; shift 2
  log "$label: $WARMUP warm-up, then 256 and 64 connections for $DURATION each"
  wrk_run "$url" 256 "$WARMUP" "$WORK_DIR/warmup.txt"
  measure_once "$label" 256 "$DURATION" "$url" "$@"
  measure_once "$label" 64 "$DURATION" "$url" "$@"
}

nginx_workers() { pgrep -P "$(cat "$1")" | tr '\n' ' '; }

# shellcheck disable=SC2046 # one PID per word
measure direct "$STANDIN_URL" $(nginx_workers "$WORK_DIR/nginx.pid")

log "nginx-proxy: a bare reverse proxy to the stand-in"
cat >"$WORK_DIR/proxy.conf" <<CONF
worker_processes auto;
pid $WORK_DIR/proxy.pid;
error_log $WORK_DIR/proxy-error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  keepalive_requests 1000000;
  upstream standin { server 127.0.0.1:$STANDIN_PORT; keepalive 512; }
  server {
    listen 127.0.0.1:$PROXY_PORT;
    location / {
      proxy_pass https://standin;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_ssl_session_reuse on;
    }
  }
}
CONF
nginx -c "$WORK_DIR/proxy.conf" -p "$WORK_DIR"
sleep 1
# shellcheck disable=SC2046
measure nginx-proxy "http://127.0.0.1:$PROXY_PORT/v1/terminal/connection_tokens" $(nginx_workers "$WORK_DIR/proxy.pid")
kill "$(cat "$WORK_DIR/proxy.pid")"

JAVA_OPTS="$RECOMMENDED_OPTS" start_service CONNECTION_TOKEN_RATE_LIMIT_ENABLED=false
RSS_PID="$SERVICE_PID" measure service "$SERVICE_URL" "$SERVICE_PID"
stop_service

log "node peer: installing express and stripe-node"
(cd "$BENCH_DIR/node-peer" && npm install --no-audit --no-fund --no-package-lock --silent >/dev/null 2>&1)
NODE_EXTRA_CA_CERTS="$WORK_DIR/standin.crt" STRIPE_SECRET_KEY="$BENCH_KEY" \
  STRIPE_API_BASE="https://127.0.0.1:$STANDIN_PORT" PORT="$NODE_PORT" node "$BENCH_DIR/node-peer/server.js" \
  >"$WORK_DIR/node.log" 2>&1 &
PIDS+=("$!")
NODE_PID="$!"
for _ in $(seq 1 50); do curl -fs -X POST "http://127.0.0.1:$NODE_PORT/connection_token" >/dev/null && break; sleep 0.2; done
RSS_PID="$NODE_PID" measure node-peer "http://127.0.0.1:$NODE_PORT/connection_token" "$NODE_PID"
kill "$NODE_PID" 2>/dev/null || true

# The service jar extracted as the image runs it, and a JDK 25 AOT cache trained as the image trains it.
EXTRACTED="$WORK_DIR/extracted"
mv "$(extract_jar "$(service_jar)" "$EXTRACTED")" "$EXTRACTED/connection-token-service.jar"
# AOT caches (JDK 25), each trained as it could be: on the context refresh alone (what the image does), on the
# request path under load against the stand-in, and on the request path in offline mode (no Stripe, no stand-in: what a
# container build could do). JEP 483 keeps loaded and linked classes, JEP 515 the method profiles of the training.
# The caches trained under load are made and used without -XX:MaxMetaspaceSize (under that cap the JVM cannot assemble
# a cache this large: "Unable to allocate from 'ro' region") and with a 64 MB initial heap (with the default 8 MB the
# JVM refuses the cache: "archived heap objects cannot be loaded. Try increasing your heap size").
UNCAPPED_OPTS="${RECOMMENDED_OPTS//-XX:MaxMetaspaceSize=128m/} -Xms64m"
train() { # train NAME LOAD(yes|no) ENVIRONMENT...
  local name="$1" load="$2"; shift 2
  log "training the AOT cache $name"
  if [ "$load" = no ]; then
    train_aot_cache "$EXTRACTED/$name.aot" "$EXTRACTED/connection-token-service.jar" "$RECOMMENDED_OPTS" "$@"
  else
    JAVA_OPTS="$UNCAPPED_OPTS -XX:AOTCacheOutput=$EXTRACTED/$name.aot" \
      SERVICE_JAR="$EXTRACTED/connection-token-service.jar" start_service "$@"
    wrk_run "$SERVICE_URL" 256 "$TRAINING" "$WORK_DIR/training-$name.txt"
    stop_service
  fi
  if [ ! -f "$EXTRACTED/$name.aot" ]; then log "AOT cache $name not written (needs JDK 25)"; fi
}
train aot no
train aot-trained yes
train aot-offline yes STRIPE_SECRET_KEY=
aot_opts() { # the options a cache was trained with, and the cache
  if [ "$1" = aot ]; then echo "$RECOMMENDED_OPTS -XX:AOTCache=$EXTRACTED/$1.aot"
  else echo "$UNCAPPED_OPTS -XX:AOTCache=$EXTRACTED/$1.aot"; fi
}

# A replica that has just turned ready gets 256 callers at once, as a rolling deploy or a scale-out gives it.
cold() { # cold LABEL JAVA_OPTIONS
  log "$1: a fresh process, 256 connections for 12 s as soon as it is ready"
  local started
  started="$(date +%s%N)"
  JAVA_OPTS="$2" SERVICE_JAR="$EXTRACTED/connection-token-service.jar" start_service CONNECTION_TOKEN_RATE_LIMIT_ENABLED=false
  printf '%s\t%s\n' "$1" "$(( ($(date +%s%N) - started) / 1000000 ))" >>"$WORK_DIR/ready.tsv"
  WRK_TIMEOUT="$COLD_TIMEOUT" RSS_PID="$SERVICE_PID" measure_once "$1" 256 12s "$SERVICE_URL" "$SERVICE_PID"
  stop_service
}
cold service-cold "$RECOMMENDED_OPTS"
for cache in aot aot-trained aot-offline; do
  if [ -f "$EXTRACTED/$cache.aot" ]; then cold "service-cold-$cache" "$(aot_opts "$cache")"; fi
done

# Time to first token: process start to the first 200 from POST /connection_token.
first_token() { # first_token LABEL JAVA_OPTIONS
  local ms
  ms="$(first_token_ms "$EXTRACTED/connection-token-service.jar" "$2")"
  printf '%s\t%s\n' "$1" "$ms" >>"$WORK_DIR/startup.tsv"
}
for run in 1 2 3; do
  log "first token, run $run"
  first_token plain "$RECOMMENDED_OPTS"
  for cache in aot aot-trained; do
    if [ -f "$EXTRACTED/$cache.aot" ]; then first_token "$cache" "$(aot_opts "$cache")"; fi
  done
done

storm

figure() { awk -F'\t' -v l="$1" -v c="$2" -v col="$3" '$1 == l && $2 == c {print $col}' "$RESULTS"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
# The same ratio for a target's verdict: cut, not rounded, to three decimals, so that 0.4955 is not judged 0.50.
ratio_cut() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.3f", int(a * 1000 / b + 1e-9) / 1000; else print "n/a" }'; }
check() { awk -v v="$1" -v limit="$2" -v op="$3" 'BEGIN { if (v == "" || v == "n/a") print "not measured"; else if ((op == "<=" && v <= limit) || (op == ">=" && v >= limit)) print "met"; else print "**not met**" }'; }
startup() { awk -F'\t' -v l="$1" '$1 == l {print $2}' "$WORK_DIR/startup.tsv" | median; }

table="$(
  printf '| target | connections | requests/s | p50 ms | p99 ms | failed | CPU per token µs | max RSS MB | vs direct |\n'
  printf '|---|---|---|---|---|---|---|---|---|\n'
  for row in "direct 64" "direct 256" "nginx-proxy 64" "nginx-proxy 256" "service 64" "service 256" \
      "node-peer 64" "node-peer 256" "service-cold 256" "service-cold-aot 256" "service-cold-aot-trained 256" \
      "service-cold-aot-offline 256"; do
    read -r label connections <<<"$row"
    rps="$(figure "$label" "$connections" 3)"
    [ -n "$rps" ] || continue
    printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$label" "$connections" "$rps" \
      "$(figure "$label" "$connections" 4)" "$(figure "$label" "$connections" 5)" \
      "$(figure "$label" "$connections" 6)" "$(figure "$label" "$connections" 8)" \
      "$(figure "$label" "$connections" 7)" "$(ratio "$rps" "$(figure direct "$connections" 3)")"
  done
  printf '\nTime to first token after process start (median of 3, ms): plain %s' "$(startup plain)"
  if grep -q '^aot' "$WORK_DIR/startup.tsv"; then
    printf ', AOT cache of the context %s, AOT cache trained under load %s' "$(startup aot)" "$(startup aot-trained)"
  fi
  printf '\n\nTime from process start to ready (ms): %s\n' \
    "$(awk -F'\t' '{printf "%s%s %s", (NR > 1 ? ", " : ""), $1, $2}' "$WORK_DIR/ready.tsv")"
)"
warm="$(figure service 256 3)"
cold_row="service-cold"
for candidate in service-cold-aot-offline service-cold-aot-trained service-cold-aot; do
  if [ -n "$(figure "$candidate" 256 3)" ] && [ "$(figure "$candidate" 256 6)" -lt "$(figure "$cold_row" 256 6)" ]; then
    cold_row="$candidate"
  fi
done
added="$(awk -v s="$(figure service 64 4)" -v d="$(figure direct 64 4)" 'BEGIN {printf "%.2f", s - d}')"
targets="$(
  printf '| target | measured | verdict |\n|---|---|---|\n'
  r="$(figure "$cold_row" 256 6)"; printf '| cold replica (%s), 256 callers for 12 s: no failed request | %s | %s |\n' "$cold_row" "$r" "$(check "$r" 0 '<=')"
  r="$(ratio_cut "$(figure "$cold_row" 256 3)" "$warm")"; printf '| cold replica: >= 0.5 x its warm throughput | %s | %s |\n' "$r" "$(check "$r" 0.5 '>=')"
  r="$(figure service 256 8)"; printf '| warm, 256 callers: CPU per token <= 300 µs | %s µs | %s |\n' "$r" "$(check "$r" 300 '<=')"
  r="$(ratio_cut "$warm" "$(figure direct 256 3)")"; printf '| warm, 256 callers: >= 0.85 x direct | %s | %s |\n' "$r" "$(check "$r" 0.85 '>=')"
  r="$(figure service 256 5)"; printf '| warm, 256 callers: p99 <= 100 ms | %s ms | %s |\n' "$r" "$(check "$r" 100 '<=')"
  r="$(figure service 256 6)"; printf '| warm, 256 callers: no errors | %s | %s |\n' "$r" "$(check "$r" 0 '<=')"
  printf '| 64 callers: added median <= 1 ms | %s ms | %s |\n' "$added" "$(check "$added" 1 '<=')"
  r="$(figure service 256 7)"; printf '| resident memory under load, 512 MiB limit: <= 300 MB | %s MB | %s |\n' "$r" "$(check "$r" 300 '<=')"
  r="$( (startup aot; startup aot-trained) | sed '/^$/d' | sort -n | head -n 1)"
  printf '| first token <= 1.5 s after start (JDK 25, best AOT cache) | %s ms | %s |\n' "${r:-n/a}" "$(check "${r:-n/a}" 1500 '<=')"
)"
printf '%s\n\n%s\n\n%s\n' "$table" "$targets" "$(storm_table)"

if [ -n "$RECORD" ]; then
  measured="$(
    printf '<!-- bench:begin (written by bench/run.sh --record; edit the prose outside this block) -->\n'
    # shellcheck disable=SC2016 # Markdown backticks, not command substitution
    printf 'Measured %s on %s, %s cores, %s; Stripe stand-in: nginx over HTTPS answering after %s s. One run, all rows side by side, driven by the same wrk (2 threads, %s per warm measurement after a %s warm-up at 256 connections). Service JVM options: `%s`, `MALLOC_ARENA_MAX=2`. Reproduce with `bench/run.sh --record`.\n\n' \
      "$(date -u +%Y-%m-%d)" "$(uname -m)" "$(nproc)" "$("$JAVA" -version 2>&1 | head -n 1)" "$DELAY" "$DURATION" "$WARMUP" \
      "$RECOMMENDED_OPTS"
    printf '%s\n\n### Targets\n\n%s\n' "$table" "$targets"
    printf '<!-- bench:end -->\n'
  )"
  record bench "$measured"
  record bench-storm "$(storm_record)"
fi
