#!/usr/bin/env bash
# Builds the project's Dockerfile and runs the image, with no Docker engine and no registry:
#   1. base images made locally from Debian packages (debootstrap --variant=minbase, then OpenJDK 17 JDK / JRE),
#   2. the Dockerfile built by buildah (vfs storage, chroot isolation) with those images as BUILD_IMAGE/RUNTIME_IMAGE,
#   3. the image run on the host network with its own entrypoint, user, working directory and environment,
#   4. checks: health, readiness, an offline token, the image's HEALTHCHECK command, the user it runs as, nothing
#      written outside /tmp, and a clean graceful shutdown on SIGTERM.
#
# Usage (as root; installs buildah and debootstrap from Debian when missing):
#   scripts/container-check.sh
# Environment:
#   CONTAINER_CHECK_PORT   host port the container listens on (default 18080)
#   CONTAINER_CHECK_M2     a Maven repository to mount into the build as a cache (default: none, so the build
#                          downloads its dependencies like any fresh build; e.g. CONTAINER_CHECK_M2=$HOME/.m2)
#   DEBIAN_MIRROR          Debian mirror for debootstrap (default http://deb.debian.org/debian)
# Base images are kept in buildah's storage and reused by later runs; `buildah --storage-driver vfs rmi -a` clears it.
set -euo pipefail
# base_image runs in a command substitution: without this, a failed step there would go on and commit a broken base
# image, which later runs would then reuse.
shopt -s inherit_errexit
cd "$(dirname "${BASH_SOURCE[0]}")/.."

port="${CONTAINER_CHECK_PORT:-18080}"
management_port="$((port + 1))"
mirror="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
image="localhost/connection-token-service:check"
started="$(date +%s)"

step() { printf '\n== %s (%ss)\n' "$*" "$(($(date +%s) - started))"; }
fail() { printf 'FAIL: %s\n' "$*" >&2; exit 1; }
buildah() { command buildah --storage-driver vfs "$@"; }
export BUILDAH_ISOLATION=chroot

[ "$(id -u)" -eq 0 ] || fail "run as root (debootstrap and buildah's chroot isolation need it)"
if ! command -v buildah >/dev/null || ! command -v debootstrap >/dev/null; then
  step "installing buildah and debootstrap"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq buildah debootstrap >/dev/null
fi

work="$(mktemp -d)"
container=""
java_pid=""
cleanup() {
  if [ -n "$java_pid" ]; then kill "$java_pid" 2>/dev/null || true; fi
  if [ -n "$container" ]; then buildah rm "$container" >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# A base image: minimal Debian bookworm plus the given packages, committed as localhost/ctk-base-NAME.
base_image() {
  local name="$1" packages="$2" ref="localhost/ctk-base-$1" ctr mnt
  if buildah inspect --type image "$ref" >/dev/null 2>&1; then
    echo "reusing $ref" >&2
  else
    debootstrap --variant=minbase bookworm "$work/rootfs-$name" "$mirror" >"$work/debootstrap-$name.log" 2>&1 \
      || { tail -20 "$work/debootstrap-$name.log" >&2; fail "debootstrap $name"; }
    ctr="$(buildah from scratch)"
    mnt="$(buildah mount "$ctr")"
    cp -a "$work/rootfs-$name/." "$mnt/"
    # The host's own extra certificate authorities (e.g. a TLS-inspecting proxy in front of Maven Central), so that
    # the build inside the image can download what the host can.
    if compgen -G '/usr/local/share/ca-certificates/*.crt' >/dev/null; then
      mkdir -p "$mnt/usr/local/share/ca-certificates"
      cp /usr/local/share/ca-certificates/*.crt "$mnt/usr/local/share/ca-certificates/"
    fi
    buildah umount "$ctr" >/dev/null
    rm -rf "$work/rootfs-$name"
    buildah run --network host "$ctr" -- sh -c "apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
      apt-get install -y -qq --no-install-recommends $packages >/dev/null && apt-get clean && rm -rf /var/lib/apt/lists/*"
    buildah config --env LANG=C.UTF-8 --cmd /bin/bash "$ctr"
    buildah commit --quiet "$ctr" "$ref" >/dev/null
    buildah rm "$ctr" >/dev/null
  fi
  echo "$ref"
}

step "base images from Debian packages"
build_base="$(base_image jdk17 'ca-certificates openjdk-17-jdk-headless')"
runtime_base="$(base_image jre17 'ca-certificates openjdk-17-jre-headless passwd')"

step "building the Dockerfile with buildah"
volumes=()
[ -n "${CONTAINER_CHECK_M2:-}" ] && volumes=(--volume "${CONTAINER_CHECK_M2}:/root/.m2")
# Docker format: the OCI image format has no HEALTHCHECK.
buildah bud --format docker --isolation chroot --network host --layers=false "${volumes[@]}" \
  --build-arg "BUILD_IMAGE=$build_base" --build-arg "RUNTIME_IMAGE=$runtime_base" \
  --build-arg "REVISION=$(git rev-parse HEAD 2>/dev/null || echo unknown)" \
  --tag "$image" . >"$work/build.log" 2>&1 || { tail -40 "$work/build.log" >&2; fail "buildah bud"; }
tail -3 "$work/build.log"

step "image configuration"
config() { buildah inspect --type image --format "{{.OCIv1.Config.$1}}" "$image"; }
printf 'User: %s\nEntrypoint: %s\nWorkingDir: %s\nHealthcheck: %s\nLabels: %s\n' "$(config User)" "$(config Entrypoint)" \
  "$(config WorkingDir)" "$(buildah inspect --type image --format '{{.Docker.Config.Healthcheck.Test}}' "$image")" \
  "$(config Labels)"
[ "$(config User)" = 10001 ] || fail "the image must run as the unprivileged user 10001"
buildah inspect --type image --format '{{.Docker.Config.Healthcheck.Test}}' "$image" | grep -q healthcheck.sh \
  || fail "HEALTHCHECK missing"
[ "$(buildah inspect --type image --format '{{index .OCIv1.Config.Labels "org.opencontainers.image.title"}}' "$image")" \
  = connection-token-service ] || fail "OCI labels missing"

step "running the image (its own entrypoint, user and environment) on port $port"
container="$(buildah from "$image")"
buildah config --env "SERVER_PORT=$port" --env "MANAGEMENT_SERVER_PORT=$management_port" "$container"
mapfile -t entrypoint < <(buildah inspect --type image --format '{{range .OCIv1.Config.Entrypoint}}{{println .}}{{end}}' \
  "$image" | sed '/^$/d')
touch "$work/before-run"
buildah run --network host "$container" -- "${entrypoint[@]}" >"$work/run.log" 2>&1 &
run_pid=$!
ready=""
for _ in $(seq 1 120); do
  if curl -fsS "http://127.0.0.1:$management_port/actuator/health/readiness" >/dev/null 2>&1; then ready=yes; break; fi
  kill -0 "$run_pid" 2>/dev/null || { cat "$work/run.log" >&2; fail "the container exited"; }
  sleep 0.5
done
[ -n "$ready" ] || { tail -40 "$work/run.log" >&2; fail "not ready after 60 s"; }
# The container's JVM: the one running as the image's user (never a JVM of the host's own).
java_pid="$(pgrep -u 10001 -f -n 'connection-token-service.jar' || true)"
[ -n "$java_pid" ] || { cat "$work/run.log" >&2; fail "no JVM found"; }
grep -m1 'Started ConnectionTokenApplication' "$work/run.log" | sed 's/^.*Started/Started/' || true

step "checks"
health="$(curl -fsS "http://127.0.0.1:$management_port/actuator/health")"
echo "health: $health"
grep -q '"status":"UP"' <<<"$health" || fail "health is not UP"
# The image serves /actuator on its own port: nothing of it on the API port.
metrics_on_api="$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/actuator/prometheus")"
echo "/actuator/prometheus on the API port: $metrics_on_api"
[ "$metrics_on_api" = 404 ] || fail "/actuator/prometheus answers on the API port"
curl -fsS -D "$work/headers" -X POST "http://127.0.0.1:$port/connection_token" -o "$work/token.json"
echo "token: $(sed 's/"secret":"pst_test_offline_[^"]*"/"secret":"pst_test_offline_…"/' "$work/token.json")"
grep -q '"secret":"pst_test_offline_' "$work/token.json" || fail "no offline token"
grep -qi '^connection-token-mode: offline' "$work/headers" || fail "no offline mode header"
buildah run --network host "$container" -- /application/healthcheck.sh || fail "the image's HEALTHCHECK failed"
echo "HEALTHCHECK command: healthy"
user="$(ps -o user= -p "$java_pid" | tr -d ' ')"
echo "JVM runs as uid: $(ps -o uid= -p "$java_pid" | tr -d ' ') ($user), as PID $java_pid with command: $(ps -o comm= -p "$java_pid")"
[ "$(ps -o uid= -p "$java_pid" | tr -d ' ')" = 10001 ] || fail "the JVM does not run as 10001"
mnt="$(buildah mount "$container")"
written="$(find "$mnt" -xdev -newer "$work/before-run" -uid 10001 -not -path "$mnt/tmp/*" -not -path "$mnt/tmp" \
  -not -path "$mnt/proc/*" -not -path "$mnt/dev/*" | sed "s|^$mnt||")"
buildah umount "$container" >/dev/null
[ -z "$written" ] || fail "the application wrote outside /tmp (a read-only root would break it): $written"
echo "files written outside /tmp: none (a read-only root file system with a /tmp tmpfs suffices)"

step "graceful shutdown on SIGTERM"
kill -TERM "$java_pid"
wait "$run_pid" && status=0 || status=$?
java_pid=""
echo "container exit status: $status"
grep -E 'graceful shutdown|Graceful shutdown' "$work/run.log" | sed 's/^.*\(Commencing\|Graceful\)/\1/' || true
grep -q 'Graceful shutdown complete' "$work/run.log" || { tail -20 "$work/run.log" >&2; fail "no graceful shutdown"; }
[ "$status" -eq 0 ] || [ "$status" -eq 143 ] || fail "unexpected exit status $status"

step "container check passed"
