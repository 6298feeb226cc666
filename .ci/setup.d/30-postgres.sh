# A throwaway PostgreSQL server for the team-state tests (thaw.store.state):
# installed with apt when missing, initialised and run as an unprivileged user
# (PostgreSQL refuses to run as root) on loopback only, on a free port, with its
# data in a temporary folder that is removed on exit. Exports
# THAW_TEST_DATABASE_URL, which tests/store/test_state.py and the API tests read.

_pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

if [ -z "$(_pg_bin)" ]; then
  echo "installing PostgreSQL (apt)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq postgresql >/dev/null
fi
THAW_PG_BIN="$(_pg_bin)"
if [ -z "$THAW_PG_BIN" ]; then
  echo "PostgreSQL binaries not found after installing" >&2
  return 1
fi

_pg_run() {
  # run a PostgreSQL binary as the unprivileged owner of the data folder
  if [ "$(id -u)" = 0 ]; then
    runuser -u "$THAW_PG_USER" -- "$@"
  else
    "$@"
  fi
}

if [ "$(id -u)" = 0 ]; then
  THAW_PG_USER=thaw-ci-pg
  id "$THAW_PG_USER" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$THAW_PG_USER"
else
  THAW_PG_USER="$(id -un)"
fi
THAW_PG_DATA="$(mktemp -d /tmp/thaw-ci-pg.XXXXXX)"
chmod 700 "$THAW_PG_DATA"
[ "$(id -u)" = 0 ] && chown "$THAW_PG_USER" "$THAW_PG_DATA"
THAW_PG_PORT="$(python -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"

_pg_run "$THAW_PG_BIN/initdb" -D "$THAW_PG_DATA/data" -U thaw -A trust --no-sync -E UTF8 >/dev/null
_pg_run "$THAW_PG_BIN/pg_ctl" -D "$THAW_PG_DATA/data" -l "$THAW_PG_DATA/server.log" -w \
  -o "-h 127.0.0.1 -p $THAW_PG_PORT -k $THAW_PG_DATA -F -c fsync=off" start >/dev/null
ci_on_exit "_pg_run '$THAW_PG_BIN/pg_ctl' -D '$THAW_PG_DATA/data' -m fast -w stop >/dev/null; rm -rf '$THAW_PG_DATA'"
_pg_run "$THAW_PG_BIN/createdb" -h 127.0.0.1 -p "$THAW_PG_PORT" -U thaw thaw_test

export THAW_TEST_DATABASE_URL="postgresql://thaw@127.0.0.1:$THAW_PG_PORT/thaw_test"
echo "PostgreSQL $("$THAW_PG_BIN/postgres" --version | awk '{print $3}') at $THAW_TEST_DATABASE_URL"
