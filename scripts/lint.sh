#!/usr/bin/env bash
# Lints the repository's CI configuration and shell scripts.
#
#   - GitHub Actions workflows: @action-validator/cli (schema validation,
#     plus a check that paths/paths-ignore globs match files)
#   - YAML files under .github/, deploy/ and docker-compose.yml: yamllint with a relaxed config, if installed
#   - Kubernetes manifests: validated against the Kubernetes API schemas (deploy/kubernetes/validate, npm)
#   - docker-compose.yml: `docker compose config` (or docker-compose, installed with apt-get when neither is there and
#     running as root; no Docker engine needed) accepts it with REDIS_PASSWORD set and refuses it without; every
#     variable it reads is listed in .env.example
#   - OpenAPI document (src/main/resources/openapi.json): @stoplight/spectral-cli with the
#     ruleset in .spectral.yaml; a warning fails the lint, as an error does
#   - TypeScript snippets (docs/snippets): tsc --noEmit against the Terminal SDKs' published types, with the npm
#     packages pinned in docs/snippets/package-lock.json (installed there by npm ci, git-ignored); and the copies
#     shown in README.md and docs/ compared with the files (docs/snippets/inline-check.mjs)
#   - README.md's curl lines: scripts/readme-check.sh runs each against the service, offline and against a Stripe
#     stand-in, and compares the answers with the README's (needs a JDK; builds the jar when target/ has none)
#   - shell scripts: shellcheck (installed with apt-get when missing and
#     running as root)
#
# Usage: scripts/lint.sh   (may be run from any directory)
set -euo pipefail

ACTION_VALIDATOR_VERSION="0.6.0"
SPECTRAL_VERSION="6.16.3"
YAMLLINT_CONFIG="{extends: relaxed, rules: {line-length: {max: 120}}}"

cd "$(dirname "${BASH_SOURCE[0]}")/.."

failed=0

log() {
  printf '==> %s\n' "$*"
}

warn() {
  printf 'WARNING: %s\n' "$*" >&2
}

# --- GitHub Actions workflows ------------------------------------------------
shopt -s nullglob
workflows=(.github/workflows/*.yml .github/workflows/*.yaml)
shopt -u nullglob

if ! command -v npx >/dev/null 2>&1; then
  warn "npx not found; install Node.js and npm to validate workflows"
  failed=1
elif [[ "${#workflows[@]}" -eq 0 ]]; then
  warn "no workflow files found under .github/workflows"
else
  # The CLI validates one file per invocation.
  for workflow in "${workflows[@]}"; do
    log "action-validator ${workflow}"
    if ! npx --yes "@action-validator/cli@${ACTION_VALIDATOR_VERSION}" "${workflow}"; then
      failed=1
    fi
  done
fi

# action-validator only knows the workflow and action schemas, so
# .github/dependabot.yml is checked by yamllint below instead.

# --- YAML --------------------------------------------------------------------
if command -v yamllint >/dev/null 2>&1; then
  shopt -s nullglob
  yaml_files=(.github/*.yml .github/*.yaml "${workflows[@]}" deploy/kubernetes/*.yaml deploy/kubernetes/examples/*.yaml docker-compose.yml)
  shopt -u nullglob
  if [[ "${#yaml_files[@]}" -gt 0 ]]; then
    log "yamllint ${yaml_files[*]}"
    # Pinned action references (full commit SHA plus a version comment) do
    # not fit in 80 columns, hence the longer line limit.
    if ! yamllint --config-data "${YAMLLINT_CONFIG}" "${yaml_files[@]}"; then
      failed=1
    fi
  fi
else
  warn "yamllint not installed; skipping YAML style checks"
fi

# --- Kubernetes manifests ----------------------------------------------------
if ! command -v npm >/dev/null 2>&1; then
  warn "npm not found; install Node.js and npm to validate the Kubernetes manifests"
  failed=1
else
  log "kubernetes schemas deploy/kubernetes/*.yaml"
  if ! { npm install --prefix deploy/kubernetes/validate --no-audit --no-fund --silent \
      && node deploy/kubernetes/validate/validate.mjs; }; then
    failed=1
  fi
fi

# --- docker compose ----------------------------------------------------------
compose=()
if docker compose version >/dev/null 2>&1; then
  compose=(docker compose)
elif command -v docker-compose >/dev/null 2>&1; then
  compose=(docker-compose)
elif [[ "$(id -u)" -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
  log "installing docker-compose"
  if apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      docker-compose >/dev/null; then
    compose=(docker-compose)
  fi
fi
if [[ "${#compose[@]}" -eq 0 ]]; then
  warn "neither docker compose nor docker-compose available; cannot check docker-compose.yml"
  failed=1
else
  log "${compose[*]} config docker-compose.yml"
  # An empty env file (a regular file: Compose refuses /dev/null): a developer's own .env must not decide the outcome.
  empty_env="$(mktemp)"
  if ! REDIS_PASSWORD=lint "${compose[@]}" --env-file "$empty_env" -f docker-compose.yml --profile redis config -q; then
    failed=1
  fi
  if env -u REDIS_PASSWORD "${compose[@]}" --env-file "$empty_env" -f docker-compose.yml config -q 2>/dev/null; then
    warn "docker-compose.yml starts without REDIS_PASSWORD; it must refuse to"
    failed=1
  fi
  while read -r variable; do
    if ! grep -q "^${variable}=" .env.example; then
      warn "docker-compose.yml reads ${variable}, which .env.example does not list"
      failed=1
    fi
  done < <(grep -oE '[$][{][A-Z_]+' docker-compose.yml | cut -c3- | sort -u)
  rm -f "$empty_env"
fi

# --- OpenAPI document --------------------------------------------------------
# src/main/resources/openapi.json is the API description, written by hand; OpenApiContractIntegrationTests checks
# real answers against it.
if ! command -v npx >/dev/null 2>&1; then
  warn "npx not found; install Node.js and npm to lint src/main/resources/openapi.json"
  failed=1
elif [[ ! -f src/main/resources/openapi.json ]]; then
  warn "src/main/resources/openapi.json not found"
  failed=1
else
  log "spectral src/main/resources/openapi.json"
  if ! npx --yes "@stoplight/spectral-cli@${SPECTRAL_VERSION}" lint src/main/resources/openapi.json \
      --ruleset .spectral.yaml --fail-severity warn; then
    failed=1
  fi
fi

# --- TypeScript snippets -----------------------------------------------------
if ! command -v npm >/dev/null 2>&1; then
  warn "npm not found; install Node.js and npm to type-check docs/snippets"
  failed=1
else
  log "tsc docs/snippets"
  if ! { npm ci --prefix docs/snippets --ignore-scripts --no-audit --no-fund --silent \
      && docs/snippets/node_modules/.bin/tsc -p docs/snippets --noEmit \
      && node docs/snippets/inline-check.mjs; }; then
    failed=1
  fi
fi

# --- README curl lines --------------------------------------------------------
log "scripts/readme-check.sh"
if ! scripts/readme-check.sh; then
  failed=1
fi

# --- Shell scripts -----------------------------------------------------------
uid="$(id -u)"
if ! command -v shellcheck >/dev/null 2>&1; then
  if [[ "${uid}" -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
    log "installing shellcheck"
    if ! { apt-get update -qq \
        && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq shellcheck >/dev/null; }; then
      warn "could not install shellcheck with apt-get"
    fi
  fi
fi

shopt -s nullglob
shell_scripts=(scripts/*.sh bench/*.sh)
shopt -u nullglob
if [[ -f .ci/run ]]; then
  shell_scripts+=(.ci/run)
fi

if ! command -v shellcheck >/dev/null 2>&1; then
  warn "shellcheck not installed; skipping shell script checks"
elif [[ "${#shell_scripts[@]}" -gt 0 ]]; then
  log "shellcheck ${shell_scripts[*]}"
  if ! shellcheck -x "${shell_scripts[@]}"; then
    failed=1
  fi
fi

if [[ "${failed}" -ne 0 ]]; then
  printf 'Lint failed.\n' >&2
  exit 1
fi
log "all checks passed"
