#!/usr/bin/env bash
# Every README curl line, run as written against offline mode and against a Stripe stand-in with a test key, answers
# as the README shows.
#
# What it checks (the README side is scripts/readme-check.mjs):
#   - each line of a ```shell block of README.md that starts with `curl ` is run as written, with localhost:8080
#     pointed at the service started here and `-sS -o <file> -D <file> -w '%{http_code}'` put after `curl`;
#   - the answer shown for it is the next line of the form `# <status> [Header: value ...] [JSON]` (curl lines in a
#     row share it): the status must be the same, each header shown must have the value shown, and the body must be
#     JSON that matches the JSON shown, where `...` in a string stands for any text, `{...}` for any object, `,...]`
#     for more array elements and `,...}` for more members; otherwise an object must have exactly the members shown;
#   - curl lines that follow the README's client settings (CONNECTION_TOKEN_CLIENTS_<N>_...=, with the `key=` line
#     that makes the API key), up to the next `## ` heading, run against the service started with those settings,
#     evaluated as the README writes them; the other curl lines against the service with no client configured;
#   - every http://localhost:8080/ address in README.md answers 200 (redirects followed);
#   - all of it twice: in offline mode (no STRIPE_SECRET_KEY), and with a test key (sk_test_ and 24 letters and
#     digits) and STRIPE_API_BASE pointing at WireMock, which stands in for Stripe: it answers
#     POST /v1/terminal/connection_tokens and GET /v1/terminal/locations[/<id>] as Stripe does.
# The service runs from the jar, as `./mvnw spring-boot:run` would run it. Needs a JDK, curl, node and openssl;
# installs nothing. Builds the jar with the Maven wrapper when target/ has none, and copies WireMock's standalone jar
# (the version the pom tests with) into target/readme-check with the wrapper when it is not there yet.
#
# Usage: scripts/readme-check.sh   Environment: README_CHECK_PORT, the first of the two ports used (default 18750)
set -euo pipefail
shopt -s inherit_errexit
cd "$(dirname "${BASH_SOURCE[0]}")/.."

port="${README_CHECK_PORT:-18750}"
stub_port="$((port + 1))"
work="target/readme-check"
pids=()

log() { printf '==> %s\n' "$*"; }
fail() { printf 'FAIL: %s\n' "$*" >&2; exit 1; }
cleanup() {
  local pid
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
}
trap cleanup EXIT

# --- what runs ---------------------------------------------------------------
mkdir -p "$work"
shopt -s nullglob
jars=(target/connection-token-service-*.jar)
if [ "${#jars[@]}" -eq 0 ]; then
  log "building the jar"
  ./mvnw -B -q package -DskipTests
  jars=(target/connection-token-service-*.jar)
fi
shopt -u nullglob
jar="${jars[0]}"
wiremock_version="$(sed -n 's:.*<wiremock.version>\(.*\)</wiremock.version>.*:\1:p' pom.xml)"
wiremock="$work/wiremock-standalone-$wiremock_version.jar"
if [ ! -f "$wiremock" ]; then
  log "copying WireMock $wiremock_version"
  ./mvnw -B -q dependency:copy -Dartifact="org.wiremock:wiremock-standalone:$wiremock_version" \
    -DoutputDirectory="$work"
fi

# --- the Stripe stand-in -----------------------------------------------------
mkdir -p "$work/stubs/mappings"
cat >"$work/stubs/mappings/stripe.json" <<'EOF'
{
  "mappings": [
    {
      "request": {"method": "POST", "urlPath": "/v1/terminal/connection_tokens"},
      "response": {
        "status": 200,
        "headers": {"Content-Type": "application/json", "Request-Id": "req_readmecheck1"},
        "jsonBody": {"object": "terminal.connection_token", "secret": "pst_test_cmVhZG1lLWNoZWNrLXN0YW5kLWlu"}
      }
    },
    {
      "request": {"method": "GET", "urlPathPattern": "/v1/terminal/locations/tml_[A-Za-z0-9]+"},
      "response": {
        "status": 200,
        "headers": {"Content-Type": "application/json", "Request-Id": "req_readmecheck2"},
        "body": "{\"id\": \"{{request.pathSegments.[3]}}\", \"object\": \"terminal.location\", \"display_name\": \"Main Street store\", \"address\": {\"city\": \"Springfield\", \"country\": \"US\", \"line1\": \"1 Main Street\", \"line2\": null, \"postal_code\": \"12345\", \"state\": \"IL\"}, \"livemode\": false, \"metadata\": {}}",
        "transformers": ["response-template"]
      }
    },
    {
      "request": {"method": "GET", "urlPath": "/v1/terminal/locations"},
      "response": {
        "status": 200,
        "headers": {"Content-Type": "application/json", "Request-Id": "req_readmecheck3"},
        "jsonBody": {
          "object": "list", "url": "/v1/terminal/locations", "has_more": false,
          "data": [{"id": "tml_FhUnkZQ3ERCm4R", "object": "terminal.location", "display_name": "Main Street store",
                    "address": {"city": "Springfield", "country": "US", "line1": "1 Main Street", "line2": null,
                                "postal_code": "12345", "state": "IL"}, "livemode": false, "metadata": {}}]
        }
      }
    }
  ]
}
EOF

wait_for() {
  local url="$1" pid="$2" what="$3" output="$4"
  for _ in $(seq 1 240); do
    if curl -fsS -o /dev/null "$url" 2>/dev/null; then return 0; fi
    kill -0 "$pid" 2>/dev/null || { tail -40 "$output" >&2; fail "$what exited"; }
    sleep 0.5
  done
  tail -40 "$output" >&2
  fail "$what not ready after 120 s"
}

# The requests WireMock has received so far.
stripe_calls() {
  curl -fsS -X POST "http://127.0.0.1:$stub_port/__admin/requests/count" -d '{"urlPattern": "/v1/.*"}' \
    | tr -d ' \n' | sed -n 's/.*"count":\([0-9]*\).*/\1/p'
}

log "Stripe stand-in (WireMock) on port $stub_port"
java -jar "$wiremock" --port "$stub_port" --bind-address 127.0.0.1 --root-dir "$work/stubs" --disable-banner \
  >"$work/wiremock.log" 2>&1 &
pids+=("$!")
wait_for "http://127.0.0.1:$stub_port/__admin/mappings" "$!" "WireMock" "$work/wiremock.log"

# --- the service, four times ---------------------------------------------------
client_settings="$(node scripts/readme-check.mjs clients)" || { echo "$client_settings"; fail "README's client settings"; }
test_key="sk_test_$(openssl rand -hex 12)"
failed=0
for mode in offline stand-in; do
  for group in open clients; do
    log "curl lines for the $group service, $mode"
    (
      unset STRIPE_SECRET_KEY STRIPE_API_BASE SPRING_CONFIG_ADDITIONAL_LOCATION MANAGEMENT_SERVER_PORT
      while IFS= read -r name; do unset "$name"; done < <(env | sed -n 's/^\(CONNECTION_TOKEN_[A-Z0-9_]*\)=.*/\1/p')
      if [ "$mode" = stand-in ]; then
        export STRIPE_SECRET_KEY="$test_key" STRIPE_API_BASE="http://127.0.0.1:$stub_port"
      fi
      if [ "$group" = clients ]; then
        eval "$client_settings"
      fi
      output="$work/service-$mode-$group.log"
      java -jar "$jar" --server.port="$port" --server.address=127.0.0.1 >"$output" 2>&1 &
      service=$!
      trap 'kill "$service" 2>/dev/null || true; wait "$service" 2>/dev/null || true' EXIT
      wait_for "http://127.0.0.1:$port/actuator/health" "$service" "the service" "$output"
      before="$(stripe_calls)"
      status=0
      node scripts/readme-check.mjs run "$group" "$port" || status=1
      # Offline, nothing may reach the stand-in; with the test key, the tokens must have come from it.
      calls="$(($(stripe_calls) - before))"
      echo "calls to the Stripe stand-in: $calls"
      if [ "$mode" = offline ] && [ "$calls" -ne 0 ]; then fail "offline mode called the Stripe stand-in"; fi
      if [ "$mode" = stand-in ] && [ "$calls" -eq 0 ]; then fail "the service never called the Stripe stand-in"; fi
      exit "$status"
    ) || failed=1
  done
done

[ "$failed" -eq 0 ] || fail "a README curl line does not answer as the README shows"
log "every README curl line answers as shown"
