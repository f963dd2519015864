#!/bin/sh
# headless-run.sh CMD [ARG…]: runs CMD on a private X server and a private
# D-Bus session, with a throw-away home, so GUI tests never touch the user's
# desktop, settings or data, and never disturb each other.
set -eu

scratch=$(mktemp -d "${TMPDIR:-/tmp}/goodwill-headless.XXXXXX")
xvfb_pid=""

# Never the reason a test fails: whatever is still mounted in the scratch
# folder (the document portal's FUSE mount, a test's own tmpfs) is let go
# first, and what cannot be removed is left.
cleanup () {
  status=$?
  set +e
  if [ -n "$xvfb_pid" ]; then
    kill "$xvfb_pid" 2>/dev/null
    wait "$xvfb_pid" 2>/dev/null
  fi
  for mount_point in $(awk -v scratch="$scratch/" 'index($2, scratch) == 1 { print $2 }' \
                         /proc/self/mounts 2>/dev/null | sort -r); do
    fusermount -u -z "$mount_point" 2>/dev/null || umount -l "$mount_point" 2>/dev/null
  done
  rm -rf "$scratch" 2>/dev/null
  exit $status
}
trap cleanup EXIT
trap 'exit 143' TERM
trap 'exit 130' INT

# -displayfd picks a free display without races; -noreset keeps the server
# up when the accessibility bus launcher disconnects.
mkfifo "$scratch/display"
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp -noreset 3>"$scratch/display" \
  >"$scratch/xvfb.log" 2>&1 &
xvfb_pid=$!
read -r display_number <"$scratch/display"

export DISPLAY=":$display_number"
export GDK_BACKEND=x11
export GSK_RENDERER="${GSK_RENDERER:-cairo}"
export GDK_DEBUG="${GDK_DEBUG:-gl-disable}"
export HOME="$scratch/home"
export XDG_CONFIG_HOME="$scratch/config"
export XDG_DATA_HOME="$scratch/data"
export XDG_CACHE_HOME="$scratch/cache"
export XDG_STATE_HOME="$scratch/state"
export XDG_RUNTIME_DIR="$scratch/runtime"
export TMPDIR="$scratch/tmp"
export GSETTINGS_BACKEND="${GSETTINGS_BACKEND:-memory}"
export NO_AT_BRIDGE="${NO_AT_BRIDGE:-0}"
mkdir -p "$HOME" "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_CACHE_HOME" "$XDG_STATE_HOME" \
  "$XDG_RUNTIME_DIR" "$TMPDIR"
chmod 700 "$XDG_RUNTIME_DIR"

# Services the bus starts write to its standard output (the accessibility
# registry announces itself there): that goes to standard error, so the
# command's own output (a TAP stream) holds only what it prints.
status=0
dbus-run-session -- sh -c 'exec "$@" >&3 3>&-' sh "$@" 3>&1 >&2 || status=$?
exit $status
