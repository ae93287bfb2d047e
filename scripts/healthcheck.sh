#!/usr/bin/env bash
# Container health check without curl: GET /actuator/health/readiness through bash's /dev/tcp; healthy when UP.
set -euo pipefail
# Actuator answers on MANAGEMENT_SERVER_PORT when one is set, else on the service port.
port="${MANAGEMENT_SERVER_PORT:-${SERVER_PORT:-8080}}"
exec 3<>"/dev/tcp/127.0.0.1/$port"
printf 'GET /actuator/health/readiness HTTP/1.0\r\nHost: localhost\r\n\r\n' >&3
grep -q '"status":"UP"' <&3
