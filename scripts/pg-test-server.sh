#!/usr/bin/env bash
# A throwaway PostgreSQL 15 server for the tests of the shared study (never a mock): initdb and
# pg_ctl in a private temporary folder, listening on a Unix socket in that folder and on a free
# TCP port of 127.0.0.1 only. Run as root, the server runs as the `postgres` user (initdb
# refuses root). The superuser `algoscope_admin` is trusted on the socket and on 127.0.0.1;
# every other role needs its password (scram-sha-256), so the tests exercise ~/.pgpass.
#
#   scripts/pg-test-server.sh start STATE_DIR   start a fresh server, replacing one left there
#   scripts/pg-test-server.sh stop STATE_DIR    stop it and remove its files
#   scripts/pg-test-server.sh kill STATE_DIR    SIGKILL the postmaster (fault tests)
#   scripts/pg-test-server.sh restart STATE_DIR start the killed or stopped server again
#
# STATE_DIR receives `url` (the superuser's libpq URI over the socket), `socket_dir`, `port`,
# `data_dir` and `log`. ctest starts and stops it as the fixture `postgres` (tests/CMakeLists),
# and scripts/test.sh stops anything left over on exit.
set -euo pipefail

action=${1:-}
state=${2:-}
if [[ -z $action || -z $state ]]; then
  echo "usage: pg-test-server.sh start|stop|kill|restart STATE_DIR" >&2
  exit 2
fi

bindir=""
for candidate in /usr/lib/postgresql/15/bin /usr/lib/postgresql/*/bin; do
  if [[ -x $candidate/pg_ctl && -x $candidate/initdb ]]; then
    bindir=$candidate
    break
  fi
done
if [[ -z $bindir ]]; then
  echo "pg-test-server: PostgreSQL server programs not found (scripts/install-deps.sh installs postgresql-15)" >&2
  exit 1
fi

# Runs a server program as the user that owns the cluster.
as_owner() {
  if [[ $(id -u) -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

stop_server() {
  [[ -f $state/data_dir ]] || return 0
  local data root
  data=$(cat "$state/data_dir")
  root=$(dirname "$data")
  if [[ -f $data/postmaster.pid ]]; then
    as_owner "$bindir/pg_ctl" -D "$data" -m immediate -w -t 30 stop >/dev/null 2>&1 || true
  fi
  # Only ever remove a folder this script made.
  if [[ $root == /tmp/algoscope-pg.* ]]; then rm -rf "$root"; fi
  rm -f "$state/url" "$state/socket_dir" "$state/port" "$state/data_dir" "$state/log"
}

port_is_free() {
  ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

start_cluster() {
  local data=$1 log=$2
  as_owner "$bindir/pg_ctl" -D "$data" -l "$log" -w -t 60 start >/dev/null 2>&1
}

case $action in
  start)
    mkdir -p "$state"
    stop_server
    root=$(mktemp -d /tmp/algoscope-pg.XXXXXX)
    chmod 700 "$root"
    if [[ $(id -u) -eq 0 ]]; then chown postgres: "$root"; fi
    data=$root/data
    log=$root/server.log
    as_owner "$bindir/initdb" -D "$data" -U algoscope_admin -A trust -E UTF8 --locale=C.UTF-8 \
      --no-sync >"$root/initdb.log" 2>&1 || {
      cat "$root/initdb.log" >&2
      echo "pg-test-server: initdb failed" >&2
      exit 1
    }
    cat >"$data/pg_hba.conf" <<'EOF'
local all algoscope_admin trust
local all all scram-sha-256
host all algoscope_admin 127.0.0.1/32 trust
host all all 127.0.0.1/32 scram-sha-256
EOF
    # A throwaway server: no fsync (a killed postmaster loses nothing the OS already holds).
    started=""
    for _ in $(seq 1 20); do
      port=$((20000 + RANDOM % 40000))
      port_is_free "$port" || continue
      cat >"$data/postgresql.auto.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$root'
max_connections = 200
fsync = off
synchronous_commit = off
full_page_writes = off
EOF
      if start_cluster "$data" "$log"; then
        started=$port
        break
      fi
    done
    if [[ -z $started ]]; then
      cat "$log" >&2 || true
      echo "pg-test-server: the server did not start" >&2
      exit 1
    fi
    echo "$data" >"$state/data_dir"
    echo "$root" >"$state/socket_dir"
    echo "$started" >"$state/port"
    echo "$log" >"$state/log"
    echo "postgresql://algoscope_admin@/postgres?host=$root&port=$started" >"$state/url"
    echo "pg-test-server: PostgreSQL $("$bindir/postgres" --version | grep -oE "[0-9]+\.[0-9]+" | head -n 1) on $root (port $started)"
    ;;
  stop)
    stop_server
    ;;
  kill)
    data=$(cat "$state/data_dir")
    pid=$(head -n 1 "$data/postmaster.pid")
    kill -KILL "$pid"
    # Wait until the postmaster is gone (a zombie counts as gone); its children notice and
    # exit on their own, and `restart` retries until their shared memory is released.
    for _ in $(seq 1 100); do
      state_letter=$(sed -n 's/^State:[[:space:]]*\([A-Z]\).*/\1/p' "/proc/$pid/status" 2>/dev/null || true)
      [[ -z $state_letter || $state_letter == Z ]] && break
      sleep 0.1
    done
    ;;
  restart)
    data=$(cat "$state/data_dir")
    log=$(cat "$state/log")
    for _ in $(seq 1 50); do
      start_cluster "$data" "$log" && exit 0
      sleep 0.2
    done
    echo "pg-test-server: the server did not restart" >&2
    exit 1
    ;;
  *)
    echo "pg-test-server: unknown action '$action' (start, stop, kill, restart)" >&2
    exit 2
    ;;
esac
