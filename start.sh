#!/usr/bin/env bash
# Starts the whole system with demo data on http://127.0.0.1:5000 (pass --urls http://127.0.0.1:PORT to change).
# Installs the PostgreSQL server package when it is missing; everything else is done by `nastavnik serve`.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/prerequisites.sh
ensure_postgresql
dotnet build src/Nastavnik.Cli -c Release -o .build/nastavnik -v quiet -nologo
exec dotnet .build/nastavnik/nastavnik.dll serve "$@"
