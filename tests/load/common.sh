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

# The bot is measured as it ships: published for this machine's runtime, so precompiled (ReadyToRun), into $1, with
# its knowledge index built beside it as the image builds it (deployment/docker/Dockerfile), so that a start reads the
# passages' vectors instead of making them; start it with --Knowledge:IndexPath="$1/index".
publish_bot() {
  dotnet publish -c Release -r "linux-$(uname -m | sed 's/x86_64/x64/; s/aarch64/arm64/')" --self-contained false -nologo -v quiet \
    -o "$1" src/DystoniaBot.Web
  dotnet build -c Release -nologo -v quiet -o "$1/../cli" src/DystoniaBot.Cli
  rm -rf "$1/index"
  dotnet "$1/../cli/dystoniabot.dll" index --knowledge knowledge --out "$1/index" > /dev/null
}

# Other work on the machine (a build, a test run) skews every figure: wait up to a minute for 90% idle CPU.
idle_percent() {
  local a b
  read -ra a < /proc/stat
  sleep 1
  read -ra b < /proc/stat
  awk -v a="${a[*]:1}" -v b="${b[*]:1}" 'BEGIN {
    n = split(a, x); split(b, y); for (i = 1; i <= n; i++) { t += y[i] - x[i] } idle = y[4] - x[4] + y[5] - x[5]
    printf "%d", (t > 0 ? 100 * idle / t : 100) }'
}
wait_quiet() {
  local idle
  for _ in $(seq 60); do
    idle=$(idle_percent)
    if [ "$idle" -ge 90 ]; then return; fi
  done
  echo "warning: the machine is busy (${idle}% idle); figures will be low" >&2
}
