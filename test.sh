#!/usr/bin/env bash
# Runs every test: unit (Domain), integration against a throwaway PostgreSQL cluster the tests start themselves, and
# browser tests in Debian's Chromium. Installs the postgresql, chromium and LibreOffice Writer packages when missing.
set -uo pipefail
cd "$(dirname "$0")"
source scripts/prerequisites.sh
ensure_postgresql
ensure_chromium
ensure_libreoffice
log=$(mktemp)
dotnet test Nastavnik.slnx -c Release 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
# One closing line over all test assemblies, summed from the runner's per-assembly summaries.
awk '/(Passed|Failed)! +- Failed: +[0-9]+, Passed: +[0-9]+, Skipped: +[0-9]+/ {
        for (i = 1; i <= NF; i++) { gsub(",", "", $(i + 1)); if ($i == "Failed:") f += $(i + 1); if ($i == "Passed:") p += $(i + 1); if ($i == "Skipped:") s += $(i + 1) }
        n++ }
     END { if (n == 0) { print "Tests: 0 passed, 1 failed (no test assembly reported)"; exit 1 }
           printf "Tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$log" || status=1
rm -f "$log"
exit "$status"
