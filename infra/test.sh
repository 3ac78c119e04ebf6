#!/usr/bin/env bash
# `npm test`: checks the dependency rules, the docs' paths and the code format, makes sure the real PostgreSQL, the real Kafka broker, xmllint, Chromium and pdftotext
# are there, runs turbo's test pipeline (build → typecheck → jest in every workspace), and prints one closing count.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
export KAFKA_BROKERS="${KAFKA_BROKERS:-127.0.0.1:9092}"
export TURBO_TELEMETRY_DISABLED=1

# The house rules for dependencies (.dependency-cruiser.cjs): a few seconds, on the sources, so it runs first; a
# violation fails the run, after the suites have run too.
npm run --silent check:deps
deps_status=$?
# The docs' links and named paths point at files that exist (infra/checks/doc-paths.mjs).
npm run --silent check:docs
docs_status=$?
# One code format (Prettier, .prettierrc.json): `npm run format` fixes what this finds.
npm run --silent check:format
format_status=$?
# Lint: oxlint (.oxlintrc.json: its correctness rules), then ESLint with typescript-eslint (eslint.config.js; it runs on
# the TypeScript 6 of the infra/lint workspace); warnings denied.
npm run --silent lint
lint_status=$?

if [[ "$DATABASE_URL" == *"@127.0.0.1:5432/"* ]]; then
  bash infra/postgres/ensure-local.sh || exit 1
fi

# The IATI exports are validated against the XSD with libxml2's xmllint; the portal is tested in Chromium, which also
# prints the quarterly report's PDF, read back with poppler's pdftotext.
bash infra/debian/ensure-package.sh xmllint libxml2-utils || exit 1
bash infra/debian/ensure-package.sh chromium chromium || exit 1
bash infra/debian/ensure-package.sh pdftotext poppler-utils || exit 1

started_kafka=0
if [[ "$KAFKA_BROKERS" == "127.0.0.1:9092" ]] && ! node infra/kafka/wait.js --timeout 2 >/dev/null 2>&1; then
  bash infra/kafka/start.sh || exit 1
  started_kafka=1
fi
stop_kafka() { if [[ $started_kafka == 1 ]]; then bash infra/kafka/stop.sh; fi; }
trap stop_kafka EXIT

find apps packages tests bench -maxdepth 2 -name .jest-results.json -delete 2>/dev/null
npx turbo run test --concurrency=2 "$@"
status=$?

node infra/test-summary.js || status=1
if [[ $deps_status != 0 ]]; then
  echo "dependency rules: violated (npm run check:deps lists them)"
  status=1
fi
if [[ $docs_status != 0 ]]; then
  echo "docs: links or named paths that do not exist (npm run check:docs lists them)"
  status=1
fi
if [[ $lint_status != 0 ]]; then
  echo "lint: problems found (npm run lint lists them)"
  status=1
fi
if [[ $format_status != 0 ]]; then
  echo "code format: files differ from Prettier's (npm run format fixes them)"
  status=1
fi
exit $status
