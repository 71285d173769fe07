#!/usr/bin/env bash
# Writes the secrets deploy/compose.yaml mounts into deploy/secrets/ (mode 0600 directory): the master key that wraps
# the data keys, the audit checkpoint signing key (P-256) and finding key, and the database password. Refuses to
# overwrite existing secrets: losing the master key loses every pseudonym and TOTP seed sealed under it.
set -euo pipefail
cd "$(dirname "$0")"
umask 077
mkdir -p secrets
for file in master.key audit-signing.pem audit-finding.key postgres-password pgpass; do
  if [ -e "secrets/$file" ]; then
    echo "caduceus: deploy/secrets/$file exists; refusing to overwrite secrets" >&2
    exit 1
  fi
done
openssl rand -base64 32 > secrets/master.key
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 2>/dev/null > secrets/audit-signing.pem
openssl rand -base64 32 > secrets/audit-finding.key
password="$(openssl rand -hex 24)"
printf '%s' "$password" > secrets/postgres-password
printf 'postgres:5432:caduceus:caduceus:%s\n' "$password" > secrets/pgpass
# The directory (0700) keeps other users of this host out; the files are readable so that the containers' user
# (uid 1654) can read them where compose mounts them.
chmod 0644 secrets/*
echo "wrote deploy/secrets/ (keep it out of version control and back the master key up)"
