#!/usr/bin/env bash
# Makes sure a PostgreSQL server answers and that the role the services use exists.
#   1. one already listening on PGHOST:PGPORT (default 127.0.0.1:5432) is used;
#   2. else an installed Debian/Ubuntu cluster is started (pg_ctlcluster);
#   3. else (Debian/Ubuntu, as root or with sudo) PostgreSQL is installed with apt-get and started.
# Then the role PGUSER (default pactwatch, password PGPASSWORD, default pactwatch) is created with CREATEDB.
# The services create their own databases (pactwatch_poller, pactwatch_notifier) at start of the local stack.
set -euo pipefail

PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
PGUSER=${PGUSER:-pactwatch}
PGPASSWORD=${PGPASSWORD:-pactwatch}

say() { echo "[postgres] $*"; }
listening() { (exec 3<>"/dev/tcp/$PGHOST/$PGPORT") 2>/dev/null; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi
}

if ! listening; then
  if ! command -v pg_ctlcluster >/dev/null 2>&1; then
    if command -v apt-get >/dev/null 2>&1; then
      say "PostgreSQL not installed; installing it with apt-get"
      as_root apt-get update -qq
      as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    else
      say "no PostgreSQL on $PGHOST:$PGPORT and no apt-get: install PostgreSQL 13+ or set PGHOST/PGPORT" >&2
      exit 1
    fi
  fi
  version=$(ls /etc/postgresql | sort -V | tail -n 1)
  say "starting cluster $version/main"
  as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  for _ in $(seq 1 60); do listening && break; sleep 0.5; done
  listening || { say "PostgreSQL did not come up on $PGHOST:$PGPORT" >&2; exit 1; }
fi

if [ "$PGHOST" = 127.0.0.1 ] || [ "$PGHOST" = localhost ]; then
  if command -v psql >/dev/null 2>&1 && id postgres >/dev/null 2>&1; then
    exists=$(as_postgres psql -p "$PGPORT" -tAc "SELECT 1 FROM pg_roles WHERE rolname='$PGUSER'" 2>/dev/null || true)
    if [ "$exists" != 1 ]; then
      say "creating role $PGUSER"
      as_postgres psql -p "$PGPORT" -qc "CREATE ROLE $PGUSER LOGIN CREATEDB PASSWORD '$PGPASSWORD'"
    fi
  fi
fi
say "ready on $PGHOST:$PGPORT (role $PGUSER)"
