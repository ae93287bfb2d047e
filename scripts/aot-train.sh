#!/usr/bin/env bash
# Writes a JDK 25 AOT cache (JEP 483, 514, 515: the classes loaded and linked, and the method profiles) for the
# service, as the Docker image does at build time: the service starts in offline mode, answers REQUESTS bare POSTs
# sent over bash's /dev/tcp (the runtime image has no curl), and exits, which writes the cache. A JDK before 25 gets a
# class-data archive of the startup instead. Either file is used with -XX:SharedArchiveFile=FILE.
#
# Usage: scripts/aot-train.sh FILE JAR [JVM option...]   (REQUESTS=2000, TRAINING_PORT=18099)
set -euo pipefail
file="$1" jar="$2"
shift 2
port="${TRAINING_PORT:-18099}"
if ! java -XX:AOTCacheOutput=/dev/null -version >/dev/null 2>&1; then
  exec env -u MANAGEMENT_SERVER_PORT STRIPE_SECRET_KEY= java "$@" -XX:ArchiveClassesAtExit="$file" \
    -Dspring.context.exit=onRefresh -Dserver.port=0 -jar "$jar" >/dev/null
fi
env -u MANAGEMENT_SERVER_PORT STRIPE_SECRET_KEY= SERVER_PORT="$port" CONNECTION_TOKEN_RATE_LIMIT_ENABLED=false \
  java "$@" -XX:AOTCacheOutput="$file" -jar "$jar" >/dev/null 2>&1 &
pid=$!
for _ in $(seq 1 300); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then break; fi
  sleep 0.2
done
for _ in $(seq 1 "${REQUESTS:-2000}"); do
  exec 3<>"/dev/tcp/127.0.0.1/$port"
  printf 'POST /connection_token HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\nConnection: close\r\n\r\n' >&3
  cat <&3 >/dev/null
  exec 3<&-
done
kill -TERM "$pid"
wait "$pid" || true
test -s "$file"
