#!/usr/bin/env bash
# Shared by the bench scripts: installs what they need from Debian, runs an HTTPS Stripe stand-in (nginx with the
# echo module, a self-signed certificate) and the service jar pointed at it, and cleans everything up on exit.
# Source it from a script that has `set -euo pipefail`.

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT_DIR="$(cd "$BENCH_DIR/.." && pwd)"
WORK_DIR="$(mktemp -d -t connection-token-bench.XXXXXX)"
STANDIN_PORT="${STANDIN_PORT:-18443}"
SERVICE_PORT="${SERVICE_PORT:-18080}"
# With MANAGEMENT_PORT set, start_service gives /actuator that port (MANAGEMENT_SERVER_PORT), as the image does, and
# reads readiness there.
MANAGEMENT_PORT="${MANAGEMENT_PORT:-}"
BENCH_KEY="sk_test_51BenchStandInKey0000000000"
# With AUTH=1 the service requires an API key, as every real deployment does (one client), and wrk sends it.
BENCH_API_KEY="bench-caller-key-0123456789abcdef0123456789abcdef"
PIDS=()
# The Docker image's JVM options (the Dockerfile's ENTRYPOINT), with -XX:MaxRAM standing in for the container's 512 MiB
# memory limit (docs/DEPLOYMENT.md, deploy/kubernetes), from which -XX:MaxRAMPercentage sizes the heap. The image's
# class-data archive (-XX:SharedArchiveFile) is left out: the scripts run without one unless they add a cache.
IMAGE_JAVA_OPTS="-XX:+UseParallelGC -XX:MaxRAMPercentage=40 -Xss512k -XX:ReservedCodeCacheSize=48m"
IMAGE_JAVA_OPTS="$IMAGE_JAVA_OPTS -XX:MaxMetaspaceSize=128m -XX:TrimNativeHeapInterval=1000 -XX:+ExitOnOutOfMemoryError"

cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  if [ -f "$WORK_DIR/nginx.pid" ]; then kill "$(cat "$WORK_DIR/nginx.pid")" 2>/dev/null || true; fi
  wait 2>/dev/null || true
  if [ -n "${KEEP_WORK:-}" ]; then log "kept $WORK_DIR"; else rm -rf "$WORK_DIR"; fi
}
trap cleanup EXIT

log() { printf '==> %s\n' "$*" >&2; }

# The java to measure: $JAVA if set, else a JDK 25 if one is installed (the startup targets are for JDK 25), else the
# java on the PATH.
pick_java() {
  if [ -n "${JAVA:-}" ]; then echo "$JAVA"; return; fi
  local candidate
  for candidate in /usr/lib/jvm/*-25*/bin/java; do
    if [ -x "$candidate" ]; then echo "$candidate"; return; fi
  done
  echo java
}

# Installs Debian packages that are missing (needs root, as on CI and these machines).
require_packages() {
  local missing=()
  for package in "$@"; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    log "installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

# The service jar, built once.
service_jar() {
  local jar
  jar="$(find "$ROOT_DIR/target" -maxdepth 1 -name 'connection-token-service-*.jar' ! -name '*plain*' 2>/dev/null | head -n 1)"
  if [ -z "$jar" ]; then
    log "building the service jar"
    (cd "$ROOT_DIR" && ./mvnw -B -q -DskipTests package)
    jar="$(find "$ROOT_DIR/target" -maxdepth 1 -name 'connection-token-service-*.jar' ! -name '*plain*' | head -n 1)"
  fi
  printf '%s\n' "$jar"
}

# A self-signed certificate for 127.0.0.1 and a Java trust store holding it.
make_certificate() {
  openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=127.0.0.1" \
    -addext "subjectAltName=IP:127.0.0.1,DNS:localhost" \
    -keyout "$WORK_DIR/standin.key" -out "$WORK_DIR/standin.crt" 2>/dev/null
  keytool -importcert -noprompt -alias standin -file "$WORK_DIR/standin.crt" \
    -keystore "$WORK_DIR/truststore.p12" -storetype PKCS12 -storepass changeit >/dev/null 2>&1
}

# Starts (or reconfigures) the stand-in: POST /v1/terminal/connection_tokens answers after $1 seconds. With
# STANDIN_PLAIN set it speaks plain HTTP (an experiment only: a live key needs HTTPS), to tell the cost of TLS apart.
# With STANDIN_LIMIT set it limits that endpoint as Stripe does (see standin_limit) and logs every call it receives.
start_standin() {
  local delay="$1" tls=" ssl" limit_http="access_log off;" limit_server="" limit_location=""
  STANDIN_BASE="https://127.0.0.1:$STANDIN_PORT"
  if [ -n "${STANDIN_PLAIN:-}" ]; then tls="" STANDIN_BASE="http://127.0.0.1:$STANDIN_PORT"; fi
  if [ -n "${STANDIN_LIMIT:-}" ]; then standin_limit "$STANDIN_LIMIT"; fi
  cat >"$WORK_DIR/nginx.conf" <<CONF
load_module /usr/lib/nginx/modules/ngx_http_echo_module.so;
worker_processes 1;
pid $WORK_DIR/nginx.pid;
error_log $WORK_DIR/nginx-error.log warn;
events { worker_connections 4096; }
http {
  $limit_http
  keepalive_requests 1000000;
  keepalive_timeout 120s;
  client_body_temp_path $WORK_DIR/body;
  server {
    listen 127.0.0.1:$STANDIN_PORT$tls;
    ssl_certificate $WORK_DIR/standin.crt;
    ssl_certificate_key $WORK_DIR/standin.key;
    $limit_server
    location = /v1/terminal/connection_tokens {
      $limit_location
      default_type application/json;
      add_header Request-Id req_bench_standin;
      echo_sleep $delay;
      echo '{"object":"terminal.connection_token","secret":"pst_test_YmVuY2hfc3RhbmRpbl90b2tlbg"}';
    }
  }
}
CONF
  if [ -f "$WORK_DIR/nginx.pid" ] && kill -0 "$(cat "$WORK_DIR/nginx.pid")" 2>/dev/null; then
    nginx -c "$WORK_DIR/nginx.conf" -p "$WORK_DIR" -s reload
    sleep 1
  else
    nginx -c "$WORK_DIR/nginx.conf" -p "$WORK_DIR"
  fi
}

# Sets start_standin's limit_http, limit_server and limit_location for Stripe's endpoint limit: $1 calls per second per
# account (the Stripe-Account header; none for the platform), answered 429 with Stripe's own error body (the one
# src/test/resources/stripe/error-rate-limit.json records). nginx lets STANDIN_BURST (5) calls through early, at once,
# so that a caller paced exactly at the limit is not refused for the jitter of its calls' arrival on a busy machine.
# Every call is logged to $WORK_DIR/standin-calls.log: its end (epoch seconds), its duration (s) and its status.
standin_limit() {
  limit_http="map \$http_stripe_account \$stripe_account { '' platform; default \$http_stripe_account; }
  limit_req_zone \$stripe_account zone=stripe:1m rate=${1}r/s;
  limit_req_status 429;
  log_format calls '\$msec \$request_time \$status';
  access_log $WORK_DIR/standin-calls.log calls;"
  limit_location="limit_req zone=stripe burst=${STANDIN_BURST:-5} nodelay;
      error_page 429 = @rate_limited;"
  limit_server="location @rate_limited {
      default_type application/json;
      add_header Request-Id req_bench_standin_limited always;
      return 429 '{\"error\":{\"code\":\"rate_limit\",\"message\":\"Request rate limit exceeded. Learn more about rate limits here https://stripe.com/docs/rate-limits.\",\"type\":\"invalid_request_error\"}}';
    }"
}

# Starts service jar $2 in the background with JVM options $3, pointed at the stand-in and trusting its certificate,
# with extra environment (NAME=value ...) after them; its output goes to file $1 and its pid to SERVICE_PID. The Stripe
# budget is off unless that environment sets it: the stand-in has no rate limit, and these rows measure the service's
# own cost at thousands of calls per second, where a budget of 20 would answer nearly every call 503.
launch_service() {
  local output="$1" jar="$2" java_opts
  read -r -a java_opts <<<"$3"
  shift 3
  env STRIPE_SECRET_KEY="$BENCH_KEY" STRIPE_API_BASE="$STANDIN_BASE" SERVER_PORT="$SERVICE_PORT" \
    CONNECTION_TOKEN_STRIPE_BUDGET_PER_SECOND=0 "$@" \
    "${JAVA:-java}" "${java_opts[@]}" -Djavax.net.ssl.trustStore="$WORK_DIR/truststore.p12" \
    -Djavax.net.ssl.trustStorePassword=changeit -jar "$jar" >"$output" 2>&1 &
  # Read by the scripts that source this file (resident memory of the service).
  # shellcheck disable=SC2034
  SERVICE_PID="$!"
  PIDS+=("$SERVICE_PID")
}

# Extracts Spring Boot jar $1 into directory $2 (java -Djarmode=tools ... extract), as the image runs it, and prints the
# extracted application jar.
extract_jar() {
  "${JAVA:-java}" -Djarmode=tools -jar "$1" extract --destination "$2" >/dev/null || return
  find "$2" -maxdepth 1 -name '*.jar' | head -n 1
}

# Trains a JDK 25 AOT cache, file $1, on the startup of jar $2 with JVM options $3 and extra environment (NAME=value
# ...) after them, as the image trains its archive: the process stops once its context is refreshed. An older JDK
# writes no cache.
train_aot_cache() {
  local cache="$1" jar="$2" opts="$3"
  shift 3
  launch_service "$WORK_DIR/training-$(basename "$cache" .aot).log" "$jar" \
    "$opts -XX:AOTCacheOutput=$cache -Dspring.context.exit=onRefresh" "$@"
  wait "$SERVICE_PID" || true
  forget_pid "$SERVICE_PID"
}

# Process $1 has exited: its pid must not be killed at cleanup, when another process may have it.
forget_pid() {
  local pid kept=()
  for pid in "${PIDS[@]}"; do [ "$pid" = "$1" ] || kept+=("$pid"); done
  PIDS=("${kept[@]}")
}

# A tool of the JDK that runs ${JAVA:-java} (javac, jar), found beside it even when that is a bare name on the PATH.
jdk_tool() {
  printf '%s/%s\n' "$(dirname "$(readlink -f "$(command -v "${JAVA:-java}")")")" "$1"
}

# The median of the numbers on standard input, one per line; nothing when there are none.
median() {
  sort -n | awk '{v[NR] = $1} END {if (NR) print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'
}

# Starts the service jar against the stand-in with extra environment (NAME=value ...); waits for readiness (on
# MANAGEMENT_PORT when set), up to 200 s (an older build's in-process warm-up took up to 95 s). Its output goes to
# SERVICE_LOG ($WORK_DIR/service.log).
start_service() {
  local clients=() management=() health_port="${MANAGEMENT_PORT:-$SERVICE_PORT}"
  if [ -n "${AUTH:-}" ]; then
    clients=(CONNECTION_TOKEN_CLIENTS_0_ID=bench
      CONNECTION_TOKEN_CLIENTS_0_API_KEY_SHA256="$(printf %s "$BENCH_API_KEY" | sha256sum | cut -d' ' -f1)")
  fi
  if [ -n "$MANAGEMENT_PORT" ]; then management=(MANAGEMENT_SERVER_PORT="$MANAGEMENT_PORT"); fi
  local output="${SERVICE_LOG:-$WORK_DIR/service.log}"
  launch_service "$output" "${SERVICE_JAR:-$(service_jar)}" "${JAVA_OPTS:-}" \
    CONNECTION_TOKEN_RATE_LIMIT_ENABLED=false "${clients[@]}" "${management[@]}" "$@"
  for _ in $(seq 1 1000); do
    if curl -fs "http://127.0.0.1:$health_port/actuator/health/readiness" >/dev/null 2>&1; then
      return 0
    fi
    kill -0 "$SERVICE_PID" 2>/dev/null || break
    sleep 0.2
  done
  log "the service did not become ready; its log:"
  tail -n 50 "$output" >&2
  return 1
}

# Starts a Redis server without persistence on the first free port from REDIS_PORT (18620) and sets REDIS_URL and
# REDIS_PID.
start_redis() {
  local port="${REDIS_PORT:-18620}"
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --dir "$WORK_DIR" >"$WORK_DIR/redis.log" 2>&1 &
  REDIS_PID="$!"
  PIDS+=("$REDIS_PID")
  # Read by the scripts that source this file.
  # shellcheck disable=SC2034
  REDIS_URL="redis://127.0.0.1:$port"
  for _ in $(seq 1 50); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  log "Redis did not start; its log:"
  tail -n 20 "$WORK_DIR/redis.log" >&2
  return 1
}

stop_redis() {
  kill "$REDIS_PID" 2>/dev/null || true
  wait "$REDIS_PID" 2>/dev/null || true
  forget_pid "$REDIS_PID"
}

# Prints the milliseconds from starting service jar $1 with JVM options $2 (against the stand-in) to its first 200 from
# POST /connection_token, then stops it. Its log is $WORK_DIR/first-token.log.
first_token_ms() {
  local start end
  start="$(date +%s%N)"
  launch_service "$WORK_DIR/first-token.log" "$1" "$2"
  local deadline=$((SECONDS + 60))
  until curl -fs -o /dev/null -X POST "http://127.0.0.1:$SERVICE_PORT/connection_token"; do
    if ! kill -0 "$SERVICE_PID" 2>/dev/null || [ "$SECONDS" -gt "$deadline" ]; then
      log "the service did not serve a token; its log:"; tail -n 30 "$WORK_DIR/first-token.log" >&2
      stop_service
      return 1
    fi
    sleep 0.01
  done
  end="$(date +%s%N)"
  stop_service
  echo "$(((end - start) / 1000000))"
}

# A wrk script that POSTs with no body, as the Terminal SDKs do (with the caller's API key when AUTH is set).
wrk_post_script() {
  printf 'wrk.method = "POST"\n' >"$WORK_DIR/post.lua"
  if [ -n "${AUTH:-}" ]; then printf 'wrk.headers["Authorization"] = "Bearer %s"\n' "$BENCH_API_KEY" >>"$WORK_DIR/post.lua"; fi
  printf '%s\n' "$WORK_DIR/post.lua"
}

# Stops the service started last and waits for it to exit.
stop_service() {
  kill "$SERVICE_PID" 2>/dev/null || true
  wait "$SERVICE_PID" 2>/dev/null || true
  forget_pid "$SERVICE_PID"
}

# CPU ticks of each thread of process $1, grouped by thread name without its trailing number ("GC Thread#",
# "C2 CompilerThre", "ForkJoinPool-1-worker-" for the virtual threads' carriers), one "name<TAB>ticks" line each.
thread_ticks() {
  local task
  for task in /proc/"$1"/task/*; do
    [ -r "$task/stat" ] || continue
    # The name is between the first "(" and the last ")", and may hold spaces; utime and stime follow at 12 and 13.
    # A thread may end between the test and the read.
    sed -E 's/^[0-9]+ \((.*)\) (.*)$/\1\t\2/' "$task/stat" 2>/dev/null || true
  done | awk -F'\t' '{split($2, f, " "); name = $1; sub(/[0-9]+$/, "", name); t[name] += f[12] + f[13]}
    END {for (n in t) printf "%s\t%d\n", n, t[n]}'
}

# CPU time used so far (user + system, all threads) by the given processes, in clock ticks.
cpu_ticks() {
  local total=0 pid
  for pid in "$@"; do
    if [ -r "/proc/$pid/stat" ]; then
      # Fields 14 and 15 are utime and stime; the command name (field 2) has no spaces here.
      total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat")))
    fi
  done
  echo "$total"
}

# Runs wrk with POSTs: wrk_run URL CONNECTIONS DURATION OUTPUT_FILE
wrk_run() {
  wrk -t2 -c"$2" -d"$3" --timeout 10s --latency -s "$(wrk_post_script)" "$1" >"$4"
}

# The cold-replica load: 256 callers for 12 s, a request not answered within 2 s counted as failed.
wrk_burst() {
  wrk -t2 -c256 -d12s --timeout 2s --latency -s "$(wrk_post_script)" "$1" >"$2"
}

# Reads one figure from wrk's output: rps, p50 or p99 (in ms), or errors.
wrk_figure() {
  local file="$1" what="$2"
  case "$what" in
    rps) awk '/Requests\/sec/ {print $2}' "$file" ;;
    requests) awk '/requests in/ {print $1}' "$file" ;;
    p50) awk '$1 == "50%" {print $2}' "$file" | to_ms ;;
    p99) awk '$1 == "99%" {print $2}' "$file" | to_ms ;;
    errors)
      local non2xx socket
      non2xx="$(awk '/Non-2xx/ {print $5}' "$file")"
      socket="$(awk '/Socket errors/ {gsub(",", ""); print $4 + $6 + $8 + $10}' "$file")"
      echo $(( ${non2xx:-0} + ${socket:-0} )) ;;
  esac
}

# Converts wrk's latency (us, ms or s) to milliseconds.
to_ms() {
  awk '{v = $1; if (v ~ /us$/) {sub("us", "", v); v /= 1000} else if (v ~ /ms$/) {sub("ms", "", v)} else if (v ~ /s$/) {sub("s", "", v); v *= 1000} printf "%.2f\n", v}'
}
