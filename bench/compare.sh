#!/usr/bin/env bash
# Back-to-back warm measurements of one or more service jars (or JVM options) against the HTTPS Stripe stand-in:
# for each, a fresh JVM with the image's options, WARM of load at 256 connections, then 20 s measured at 256
# connections: requests/s, p99, failed requests and CPU per token. WARM=0 measures a cold replica instead: 12 s at
# 256 connections from the moment it is ready, a request slower than 2 s counting as failed. STANDIN_PLAIN=1 makes the
# stand-in plain HTTP, to tell the cost of TLS apart. NMT=1 adds the JVM's native memory summary (committed MB by area)
# at the end of the measurement. AUTH=1 configures one API-key client and has wrk send its key, as every real
# deployment's callers do (by default the service runs open, with its test key). Each jar runs extracted
# (java -Djarmode=tools ... extract), as the image runs it; FAT_JAR=1 runs it with java -jar as built. THREAD_CPU=1 adds
# the share of the measurement's CPU taken by each group of JVM threads (request carriers, GC, JIT compilers, ...).
# VARIANTS="opts|opts|..." measures each jar once per set of extra JVM options, in that order (later options win over
# the image's). For A/B questions that bench/run.sh does not ask, e.g. how long the JIT needs, or whether a change
# helped (two builds side by side, alternating, each with its own environment: bench/side-by-side.sh):
#
#   bench/compare.sh target/connection-token-service-*.jar /tmp/old/target/connection-token-service-*.jar
#   WARM=90s EXTRA_OPTS=-XX:InitialRAMPercentage=40 bench/compare.sh target/connection-token-service-*.jar
#   WARM=90s VARIANTS='-XX:MaxRAMPercentage=40|-XX:MaxRAMPercentage=20' bench/compare.sh target/connection-token-service-*.jar
#   WARM=90s EXTRA_OPTS='-Xlog:gc:file=/tmp/gc-%p.log' VARIANTS='|-XX:-UseParallelGC -XX:+UseSerialGC' bench/compare.sh target/connection-token-service-*.jar
#
# Installs (Debian, as root) nginx-light, libnginx-mod-http-echo, wrk, curl and openssl when missing.
set -euo pipefail
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
if [ "$#" -eq 0 ]; then echo "usage: bench/compare.sh JAR..." >&2; exit 2; fi
JAVA="$(pick_java)"
export JAVA MALLOC_ARENA_MAX=2
OPTS="$IMAGE_JAVA_OPTS -XX:MaxRAM=512m ${EXTRA_OPTS:-}"
if [ -n "${NMT:-}" ]; then OPTS="$OPTS -XX:NativeMemoryTracking=summary"; fi
URL="http://127.0.0.1:$SERVICE_PORT/connection_token"
require_packages nginx-light libnginx-mod-http-echo wrk curl openssl
make_certificate
start_standin 0.05
IFS='|' read -r -a variants <<<"${VARIANTS:-}"
if [ "${#variants[@]}" -eq 0 ]; then variants=(""); fi
jar_number=0
for jar in "$@"; do
  # Run the jar extracted, as the image does (and bench/run.sh): the fat jar's nested-jar class loader adds its own
  # class loading and JIT work to startup, 3.4 s of C2 time in one JFR recording, that the image never spends. FAT_JAR=1 runs it as is.
  run_jar="$jar"
  if [ -z "${FAT_JAR:-}" ]; then
    jar_number=$((jar_number + 1))
    rm -rf "$WORK_DIR/extracted-$jar_number"
    run_jar="$(extract_jar "$jar" "$WORK_DIR/extracted-$jar_number")"
  fi
  for variant in "${variants[@]}"; do
    started="$(date +%s%N)"
    JAVA_OPTS="$OPTS $variant" SERVICE_JAR="$run_jar" start_service CONNECTION_TOKEN_RATE_LIMIT_ENABLED=false
    ready_ms=$((($(date +%s%N) - started) / 1000000))
    : >"$WORK_DIR/warm.txt"
    ( while kill -0 "$SERVICE_PID" 2>/dev/null; do ps -o rss= -p "$SERVICE_PID"; sleep 1; done ) >"$WORK_DIR/rss.txt" &
    sampler=$!
    before="$(cpu_ticks "$SERVICE_PID")"
    thread_ticks "$SERVICE_PID" >"$WORK_DIR/threads-before.txt"
    if [ "${WARM:-40s}" = 0 ]; then
      wrk_burst "$URL" "$WORK_DIR/measured.txt"
    else
      wrk_run "$URL" 256 "${WARM:-40s}" "$WORK_DIR/warm.txt"
      before="$(cpu_ticks "$SERVICE_PID")"
      thread_ticks "$SERVICE_PID" >"$WORK_DIR/threads-before.txt"
      wrk_run "$URL" 256 20s "$WORK_DIR/measured.txt"
    fi
    after="$(cpu_ticks "$SERVICE_PID")"
    kill "$sampler" 2>/dev/null || true
    if [ -n "${THREAD_CPU:-}" ]; then
      thread_ticks "$SERVICE_PID" | awk -F'\t' -v all=$((after - before)) 'NR == FNR {b[$1] = $2; next}
        {d = $2 - b[$1]; if (d > 0) printf "  %5.1f %%  %s\n", 100 * d / all, $1}' "$WORK_DIR/threads-before.txt" - |
        sort -rn | head -n 12
    fi
    if [ -n "${NMT:-}" ]; then
      jcmd "$SERVICE_PID" VM.native_memory summary scale=MB |
        awk '/committed=/ && /^(Total|-)/ {gsub(/[()#]/, ""); print "  " $0}' | sed -n '1,20p'
    fi
    requests="$(wrk_figure "$WORK_DIR/measured.txt" requests)"
    printf '%s%s: ready after %s ms; during warm-up %s requests/s; then %s requests/s, p99 %s ms, %s failed, max RSS %s MB, %s µs CPU per token\n' \
      "$jar" "${variant:+ [$variant]}" "$ready_ms" "$(wrk_figure "$WORK_DIR/warm.txt" rps)" "$(wrk_figure "$WORK_DIR/measured.txt" rps)" \
      "$(wrk_figure "$WORK_DIR/measured.txt" p99)" "$(wrk_figure "$WORK_DIR/measured.txt" errors)" \
      "$(sort -n "$WORK_DIR/rss.txt" | tail -n 1 | awk '{printf "%d", $1 / 1024}')" \
      "$(awk -v t=$((after - before)) -v hz="$(getconf CLK_TCK)" -v n="$requests" 'BEGIN {printf "%d", t / hz * 1e6 / n}')"
    stop_service
  done
done
