#!/usr/bin/env bash
# The replica tests run several app instances on a real PostgreSQL server of the system's (in a temporary
# folder, on a free port). Installs Debian's PostgreSQL with apt when its binaries are missing.
set -euo pipefail
if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then exit 0; fi
if command -v apt-get >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  echo "Installing Debian's PostgreSQL for the replica tests…" >&2
  $SUDO apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends postgresql >&2
  exit 0
fi
echo "PostgreSQL server binaries not found: install PostgreSQL (initdb, pg_ctl) under /usr/lib/postgresql" >&2
exit 1
