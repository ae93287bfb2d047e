#!/usr/bin/env bash
# Two builds of the service side by side, alternating A B A B ... for ROUNDS rounds in one run, each run a fresh
# JVM with the image's options (IMAGE_JAVA_OPTS, a 512 MiB memory limit, MALLOC_ARENA_MAX=2), run extracted as the
# image runs it, with /actuator on its own port (MANAGEMENT_PORT) and against the HTTPS Stripe stand-in. Each run:
#   ready_s           launch to readiness UP on the management port
#   cold              from that moment, 256 callers for 12 s; a request slower than 2 s counts as failed (wrk's
#                     timeouts, an upper bound: wrk also counts a request still waiting at each 2 s check), as do
#                     non-2xx answers and socket errors; the percentage is of the requests wrk completed
#   warm              then WARM more of load at 256 connections, and DURATION measured at 256: tokens/s and CPU per
#                     token (user + system time of the JVM over the measurement, rounded up)
#   rss_mb            the JVM's largest resident memory from readiness to the end of the measurement, rounded up
# Prints each run, then a Markdown table of the medians per build and B/A, and B's verdicts against the targets (ready
# within 15 s; tokens/s and CPU per token within 10 % of A's; RSS no higher than A's; at most 0.5 % of the cold
# burst failed).
#
# Usage: bench/side-by-side.sh JAR_A JAR_B
#   ENV_A, ENV_B   extra environment for each build, "NAME=value NAME=value" (what its Dockerfile sets besides
#                  MANAGEMENT_SERVER_PORT and MALLOC_ARENA_MAX), e.g. an older build's in-process warm-up:
#                  ENV_A="CONNECTION_TOKEN_WARM_UP_REQUESTS=20000 CONNECTION_TOKEN_WARM_UP_DURATION=60s ..."
#   ROUNDS=3, WARM=90s, DURATION=20s, DELAY=0.05 (the stand-in's answer time, s), MANAGEMENT_PORT=18082,
#   EXTRA_OPTS (JVM options for both, after the image's), OPTS_A, OPTS_B (for one build only),
#   CDS=1 (each build gets a class-data archive of its startup, made as the older Dockerfile made it, and uses it),
#   AOT_B=1 (B instead gets the archive scripts/aot-train.sh makes, as the current Dockerfile does),
#   JAVA=/path/to/java (default: JDK 25 if installed),
#   KEEP=directory (keeps each run's wrk outputs and service log there)
# Installs (Debian, as root) nginx-light, libnginx-mod-http-echo, wrk, curl and openssl when missing.
set -euo pipefail
MANAGEMENT_PORT="${MANAGEMENT_PORT:-18082}"
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
if [ "$#" -ne 2 ]; then echo "usage: bench/side-by-side.sh JAR_A JAR_B" >&2; exit 2; fi
ROUNDS="${ROUNDS:-3}"
WARM="${WARM:-90s}"
DURATION="${DURATION:-20s}"
JAVA="$(pick_java)"
export JAVA MALLOC_ARENA_MAX=2
URL="http://127.0.0.1:$SERVICE_PORT/connection_token"
RESULTS="$WORK_DIR/results.tsv"

require_packages nginx-light libnginx-mod-http-echo wrk curl openssl
make_certificate
start_standin "${DELAY:-0.05}"
extracted_a="$(extract_jar "$1" "$WORK_DIR/a")"
extracted_b="$(extract_jar "$2" "$WORK_DIR/b")"
if [ -n "${CDS:-}" ]; then
  for build in a b; do
    jar="$(find "$WORK_DIR/$build" -maxdepth 1 -name '*.jar' | head -n 1)"
    (cd "$WORK_DIR/$build" && STRIPE_SECRET_KEY='' "$JAVA" -XX:ArchiveClassesAtExit=application.jsa \
      -Dspring.context.exit=onRefresh -Dserver.port=0 -jar "$jar" >/dev/null 2>&1)
  done
  OPTS_A="-XX:SharedArchiveFile=$WORK_DIR/a/application.jsa ${OPTS_A:-}"
  OPTS_B="-XX:SharedArchiveFile=$WORK_DIR/b/application.jsa ${OPTS_B:-}"
fi
if [ -n "${AOT_B:-}" ]; then
  # B gets the archive its Dockerfile makes: scripts/aot-train.sh, an AOT cache trained offline on JDK 25.
  rm -f "$WORK_DIR/b/application.jsa"
  read -r -a image_opts <<<"$IMAGE_JAVA_OPTS -XX:MaxRAM=512m"
  (cd "$WORK_DIR/b" && PATH="$(dirname "$(readlink -f "$(command -v "$JAVA")")"):$PATH" \
    "$ROOT_DIR/scripts/aot-train.sh" application.jsa "$(basename "$extracted_b")" "${image_opts[@]}")
  case " ${OPTS_B:-} " in
    *"$WORK_DIR/b/application.jsa"*) ;;
    *) OPTS_B="-XX:SharedArchiveFile=$WORK_DIR/b/application.jsa ${OPTS_B:-}" ;;
  esac
fi

# run LABEL EXTRACTED_JAR "NAME=value ...": one fresh JVM, cold then warm; appends a line to RESULTS (KEEP files
# carry LABEL and the loop's $round).
run() {
  local label="$1" jar="$2" environment started ready_ms before after requests rss sampler
  read -r -a environment <<<"$3"
  started="$(date +%s%N)"
  JAVA_OPTS="$IMAGE_JAVA_OPTS -XX:MaxRAM=512m ${EXTRA_OPTS:-} $4" SERVICE_JAR="$jar" start_service "${environment[@]}"
  ready_ms=$((($(date +%s%N) - started) / 1000000))
  ( while kill -0 "$SERVICE_PID" 2>/dev/null; do ps -o rss= -p "$SERVICE_PID"; sleep 1; done ) >"$WORK_DIR/rss.txt" &
  sampler=$!
  wrk_burst "$URL" "$WORK_DIR/cold.txt"
  wrk_run "$URL" 256 "$WARM" "$WORK_DIR/warm.txt"
  before="$(cpu_ticks "$SERVICE_PID")"
  wrk_run "$URL" 256 "$DURATION" "$WORK_DIR/measured.txt"
  after="$(cpu_ticks "$SERVICE_PID")"
  kill "$sampler" 2>/dev/null || true
  stop_service
  if [ -n "${KEEP:-}" ]; then
    mkdir -p "$KEEP" && cp "$WORK_DIR/service.log" "$KEEP/$label-$round-service.log"
    for phase in cold warm measured; do cp "$WORK_DIR/$phase.txt" "$KEEP/$label-$round-$phase.txt"; done
  fi
  requests="$(wrk_figure "$WORK_DIR/measured.txt" requests)"
  rss="$(sort -n "$WORK_DIR/rss.txt" | tail -n 1 | awk '{printf "%d", int(($1 + 1023) / 1024)}')"
  awk -v l="$label" -v ready="$ready_ms" -v cold_n="$(wrk_figure "$WORK_DIR/cold.txt" requests)" \
    -v failed="$(wrk_figure "$WORK_DIR/cold.txt" errors)" -v cold_rps="$(wrk_figure "$WORK_DIR/cold.txt" rps)" \
    -v rps="$(wrk_figure "$WORK_DIR/measured.txt" rps)" -v t=$((after - before)) -v hz="$(getconf CLK_TCK)" \
    -v n="$requests" -v rss="$rss" 'BEGIN {
      printf "%s\t%.1f\t%.0f\t%d\t%d\t%d\t%.2f\t%.0f\n", l, ready / 1000, rps, int((t * 1e6 + hz * n - 1) / (hz * n)),
        rss, failed, 100 * failed / (cold_n > 0 ? cold_n : 1), cold_rps }' | tee -a "$RESULTS" >&2
}

log "columns: build, ready_s, tokens/s, cpu_us_per_token, rss_mb, cold_failed, cold_failed_%, cold tokens/s"
for round in $(seq 1 "$ROUNDS"); do
  log "round $round of $ROUNDS"
  run A "$extracted_a" "${ENV_A:-}" "${OPTS_A:-}"
  run B "$extracted_b" "${ENV_B:-}" "${OPTS_B:-}"
done

column_median() { awk -F'\t' -v l="$1" -v c="$2" '$1 == l {print $c}' "$RESULTS" | median; }
column_runs() { awk -F'\t' -v l="$1" -v c="$2" '$1 == l {printf "%s%s", (n++ ? " " : ""), $c}' "$RESULTS"; }
printf '\nA: %s %s %s\nB: %s %s %s\n%s rounds, alternating; %s of load at 256 connections before %s measured; %s\n\n' \
  "$1" "${ENV_A:-}" "${OPTS_A:-}" "$2" "${ENV_B:-}" "${OPTS_B:-}" "$ROUNDS" "$WARM" "$DURATION" "$("$JAVA" -version 2>&1 | head -n 1)"
printf '| figure | A median | B median | B/A | A runs | B runs |\n|---|---|---|---|---|---|\n'
declare -A med_a med_b
column=2
for figure in ready_s tokens_s cpu_us_per_token rss_mb cold_failed cold_failed_pct cold_tokens_s; do
  med_a[$figure]="$(column_median A "$column")" med_b[$figure]="$(column_median B "$column")"
  printf '| %s | %s | %s | %s | %s | %s |\n' "$figure" "${med_a[$figure]}" "${med_b[$figure]}" \
    "$(awk -v a="${med_a[$figure]}" -v b="${med_b[$figure]}" 'BEGIN {if (a > 0) printf "%.3f", b / a; else print "n/a"}')" \
    "$(column_runs A "$column")" "$(column_runs B "$column")"
  column=$((column + 1))
done
# Targets for B against A, on the medians.
verdict() { awk -v v="$2" -v op="$3" -v limit="$4" -v what="$1" 'BEGIN {
  ok = (op == "<=") ? v <= limit : v >= limit; printf "- %s: %s %s %s: %s\n", what, v, op, limit, ok ? "met" : "NOT met" }'; }
printf '\n'
verdict "B ready_s" "${med_b[ready_s]}" '<=' 15
verdict "B/A tokens_s" "$(awk -v a="${med_a[tokens_s]}" -v b="${med_b[tokens_s]}" 'BEGIN {printf "%.3f", b / a}')" '>=' 0.9
verdict "B/A cpu_us_per_token" \
  "$(awk -v a="${med_a[cpu_us_per_token]}" -v b="${med_b[cpu_us_per_token]}" 'BEGIN {printf "%.3f", b / a}')" '<=' 1.1
verdict "B rss_mb (A's: ${med_a[rss_mb]})" "${med_b[rss_mb]}" '<=' "${med_a[rss_mb]}"
verdict "B cold_failed_pct" "${med_b[cold_failed_pct]}" '<=' 0.5
