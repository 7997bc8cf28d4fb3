# Helpers shared by the load scripts (sourced, not run): a scratch folder, processes started on 127.0.0.1 and
# stopped on exit, free ports, wrk, memory readings. Sourcing it sets the EXIT trap that cleans up.

log() { printf '\n== %s\n' "$*"; }

ensure_wrk() {
  if ! command -v wrk > /dev/null; then
    log "installing wrk"
    local sudo
    sudo=$([ "$(id -u)" -eq 0 ] || echo sudo)
    $sudo apt-get update -qq
    $sudo apt-get install -y -qq wrk > /dev/null
  fi
}

work=$(mktemp -d)
pids=()
stop() {
  local still=() p
  for p in "${pids[@]}"; do if [ "$p" != "$1" ]; then still+=("$p"); fi; done
  pids=("${still[@]}")
  kill "$1" 2> /dev/null || true
  # Kestrel stops within its 5 s shutdown timeout; anything still alive after 10 s is killed.
  for _ in $(seq 100); do kill -0 "$1" 2> /dev/null || return 0; sleep 0.1; done
  kill -9 "$1" 2> /dev/null || true
}
cleanup() {
  while [ "${#pids[@]}" -gt 0 ]; do stop "${pids[0]}"; done
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
  local port
  for _ in $(seq 50); do
    port=$((20000 + RANDOM % 20000))
    if ! (: < "/dev/tcp/127.0.0.1/$port") 2> /dev/null; then
      echo "$port"
      return
    fi
  done
  echo "no free port found" >&2
  return 1
}

# Starts a built app from its own folder (so it reads its appsettings.json) on 127.0.0.1, with any further
# arguments as settings; sets $pid.
start() {
  local dir=$1 dll=$2 port=$3 name=$4
  shift 4
  # Each run gets its own database, so the bot measures a fresh SQLite file and leaves nothing behind.
  (cd "$dir" && exec dotnet "$dll" --urls "http://127.0.0.1:$port" --Storage:SqlitePath="$work/$name.db" "$@") > "$work/$name.log" 2>&1 &
  pid=$!
  pids+=("$pid")
}

# A process's memory in MB from /proc: rss_mb PID VmRSS|VmHWM.
rss_mb() { awk -v key="$2:" '$1 == key { printf "%.1f", $2 / 1024 }' "/proc/$1/status"; }
