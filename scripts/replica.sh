#!/usr/bin/env bash
# A streaming read replica of the local PostgreSQL cluster, for the replica tests and the
# replica load run (docs/testing.md#read-replicas):
#
#   scripts/replica.sh start    # a standby on 127.0.0.1:$REPLICA_PORT, streaming; waits for it
#   scripts/replica.sh stop     # stops it and removes everything start made or changed
#   scripts/replica.sh pause    # stops the standby's server only (a replica that goes down)
#   scripts/replica.sh resume   # starts it again and waits until it streams
#   scripts/replica.sh status
#
# The standby is a pg_basebackup -R of the primary (127.0.0.1:5432, user postgres, trust) in
# a temporary directory, with a replication slot so the primary keeps the WAL it has not
# received while it is paused. If the primary's pg_hba.conf does not accept replication
# connections from 127.0.0.1, start adds one line and reloads; stop puts the file back
# byte for byte (with its times and modes) and reloads again, drops the slot and removes the
# directory: the primary is left as it was found.
set -Eeuo pipefail

PRIMARY_HOST=${PRIMARY_HOST:-127.0.0.1}
PRIMARY_PORT=${PRIMARY_PORT:-5432}
REPLICA_PORT=${REPLICA_PORT:-5433}
DIR=${REPLICA_DIR:-/tmp/archive-replica-$REPLICA_PORT}
SLOT=archive_replica_$REPLICA_PORT
HBA_LINE="host replication postgres 127.0.0.1/32 trust  # added by the archive's scripts/replica.sh"

primary_sql() { psql -X -q -At -h "$PRIMARY_HOST" -p "$PRIMARY_PORT" -U postgres -d postgres -c "$1"; }
replica_sql() { psql -X -q -At -h 127.0.0.1 -p "$REPLICA_PORT" -U postgres -d postgres -c "$1"; }

# PostgreSQL refuses to run as root: its tools run as the postgres user.
as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

bindir() {
  local major
  major=$(( $(primary_sql "SHOW server_version_num") / 10000 ))
  echo "/usr/lib/postgresql/$major/bin"
}

replication_allowed() {
  psql -X -q -At "host=$PRIMARY_HOST port=$PRIMARY_PORT user=postgres replication=true" \
    -c "IDENTIFY_SYSTEM" >/dev/null 2>&1
}

wait_until_streaming() {
  for _ in $(seq 1 240); do
    if [ "$(replica_sql "SELECT status FROM pg_stat_wal_receiver" 2>/dev/null)" = streaming ]; then
      return 0
    fi
    sleep 0.5
  done
  echo "The replica on port $REPLICA_PORT did not start streaming; its log:" >&2
  tail -n 30 "$DIR/server.log" >&2 || true
  return 1
}

allow_replication() {
  replication_allowed && return 0
  local hba
  hba=$(primary_sql "SHOW hba_file")
  cp -p "$hba" "$DIR/pg_hba.conf.orig"
  echo "$hba" >"$DIR/pg_hba.conf.path"
  printf '%s\n' "$HBA_LINE" >>"$hba"
  primary_sql "SELECT pg_reload_conf()" >/dev/null
  for _ in $(seq 1 50); do replication_allowed && return 0; sleep 0.2; done
  echo "The primary still refuses replication connections after adding to $hba." >&2
  return 1
}

restore_hba() {
  [ -f "$DIR/pg_hba.conf.path" ] || return 0
  local hba
  hba=$(cat "$DIR/pg_hba.conf.path")
  cp -p "$DIR/pg_hba.conf.orig" "$hba"
  cmp -s "$DIR/pg_hba.conf.orig" "$hba"
  primary_sql "SELECT pg_reload_conf()" >/dev/null
  rm -f "$DIR/pg_hba.conf.path"
  echo "Restored $hba and reloaded the primary."
}

drop_slot() {
  for _ in $(seq 1 50); do
    local left
    left=$(primary_sql "SELECT count(*) FROM pg_replication_slots WHERE slot_name = '$SLOT'")
    [ "$left" = 0 ] && return 0
    primary_sql "SELECT pg_drop_replication_slot('$SLOT') FROM pg_replication_slots
                 WHERE slot_name = '$SLOT' AND NOT active" >/dev/null || true
    sleep 0.2
  done
  echo "Could not drop the replication slot $SLOT on the primary." >&2
  return 1
}

write_config() {
  # Settings a hot standby needs at least as high as its primary's.
  local settings
  settings=$(primary_sql "SELECT string_agg(name || ' = ' || setting, E'\n') FROM pg_settings
    WHERE name IN ('max_connections', 'max_worker_processes', 'max_wal_senders',
                   'max_prepared_transactions', 'max_locks_per_transaction')")
  cat >"$DIR/data/postgresql.conf" <<EOF
port = $REPLICA_PORT
listen_addresses = '127.0.0.1'
unix_socket_directories = '$DIR'
hot_standby = on
cluster_name = '$SLOT'
shared_buffers = 128MB
$settings
EOF
  printf 'local all all trust\nhost all all 127.0.0.1/32 trust\n' >"$DIR/data/pg_hba.conf"
  : >"$DIR/data/pg_ident.conf"
}

start() {
  # Whatever fails from here on, undo what was done (the pg_hba.conf line first of all).
  trap 'trap - ERR; echo "The replica did not start: undoing." >&2; stop' ERR
  if [ -e "$DIR" ]; then
    echo "A replica was left in $DIR: removing it first."
    stop
  fi
  mkdir -p "$DIR"
  chmod 700 "$DIR"
  if [ "$(id -u)" -eq 0 ]; then chown postgres: "$DIR"; fi
  allow_replication
  drop_slot
  echo "Copying the primary ($PRIMARY_HOST:$PRIMARY_PORT) with pg_basebackup..."
  as_postgres "$(bindir)/pg_basebackup" -h "$PRIMARY_HOST" -p "$PRIMARY_PORT" -U postgres \
    -D "$DIR/data" -R -X stream -C -S "$SLOT" -c fast
  write_config
  if [ "$(id -u)" -eq 0 ]; then chown -R postgres: "$DIR"; fi
  resume
  trap - ERR
}

resume() {
  as_postgres "$(bindir)/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 300 start >/dev/null
  wait_until_streaming
  echo "The replica streams on 127.0.0.1:$REPLICA_PORT (slot $SLOT)."
}

pause() {
  as_postgres "$(bindir)/pg_ctl" -D "$DIR/data" -m fast -w stop >/dev/null
  echo "The replica on port $REPLICA_PORT is stopped (start it again: $0 resume)."
}

stop() {
  if [ -f "$DIR/data/postmaster.pid" ]; then
    as_postgres "$(bindir)/pg_ctl" -D "$DIR/data" -m fast -w stop >/dev/null || true
  fi
  drop_slot
  restore_hba
  rm -rf "$DIR"
  echo "The replica on port $REPLICA_PORT is gone."
}

status() {
  if replica_sql "SELECT 1" >/dev/null 2>&1; then
    replica_sql "SELECT 'receiver: ' || coalesce((SELECT status FROM pg_stat_wal_receiver), 'none')
      || ', replayed up to ' || pg_last_wal_replay_lsn()"
  else
    echo "No replica answers on port $REPLICA_PORT."
    return 1
  fi
}

case "${1:-}" in
  start | stop | pause | resume | status) "$1" ;;
  *)
    echo "usage: $0 start|stop|pause|resume|status" >&2
    exit 2
    ;;
esac
