#!/usr/bin/env bash
# Installs Debian's PostgreSQL server when no initdb is found; the tests start a throwaway instance.
set -euo pipefail
if compgen -G "/usr/lib/postgresql/*/bin/initdb" > /dev/null || command -v initdb > /dev/null; then
  exit 0
fi
echo "PostgreSQL saknas: installerar Debians paket postgresql ..."
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends postgresql > /dev/null
