#!/usr/bin/env bash
# Direct Line under load on 127.0.0.1: opens N Web Chat-style conversations on one bot instance, each with its
# WebSocket, checks each gets its welcome over the socket, then has V visitors ask questions one after another for
# S seconds and times each from the POST of the activity to the bot's reply arriving on the socket.
# Goals: 1,000 conversations held with sockets open; reply on the socket p99 <= 20 ms. Not run by CI.
# Usage: bash tests/load/directline.sh [conversations=1000] [seconds=15] [visitors=32]
set -euo pipefail
cd "$(dirname "$0")/../.."
conversations=${1:-1000}
seconds=${2:-15}
visitors=${3:-32}
work=$(mktemp -d)
pid=
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2> /dev/null || true; wait "$pid" 2> /dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# Every socket is a file descriptor, on both ends.
ulimit -n 65536 2> /dev/null || ulimit -n "$(ulimit -Hn)"

echo "== build (Release)"
dotnet build -c Release -nologo -v quiet src/DystoniaBot.Web
dotnet build -c Release -nologo -v quiet tests/DystoniaBot.Benchmarks

port=$((20000 + RANDOM % 20000))
# The limits per visitor stay on, raised above what one load script on one address asks for.
(cd src/DystoniaBot.Web/bin/Release/net10.0 && exec dotnet DystoniaBot.Web.dll --urls "http://127.0.0.1:$port" \
  --Storage:SqlitePath="$work/bot.db" --DirectLine:ConversationsPerMinute=100000 --DirectLine:RequestsPerMinute=100000 \
  --Logging:LogLevel:Default=Warning) > "$work/bot.log" 2>&1 &
pid=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/healthz" > /dev/null && break; sleep 0.2; done
idle=$(ps -o rss= -p "$pid")

# Peak memory of the bot while the sockets are open.
(peak=0; while kill -0 "$pid" 2> /dev/null; do r=$(ps -o rss= -p "$pid" || echo 0); [ "$r" -gt "$peak" ] && peak=$r && echo "$peak" > "$work/peak"; sleep 0.5; done) &

echo "== $conversations conversations, then $visitors visitors asking for $seconds s"
status=0
dotnet tests/DystoniaBot.Benchmarks/bin/Release/net10.0/DystoniaBot.Benchmarks.dll directline "http://127.0.0.1:$port" "$conversations" "$seconds" "$visitors" || status=$?
peak=$(cat "$work/peak" 2> /dev/null || echo 0)
echo "bot memory: idle $((idle / 1024)) MB, peak with the sockets open $((peak / 1024)) MB ($(( (peak - idle) / conversations )) KB per conversation)"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB, $(uname -sm)"
exit "$status"
