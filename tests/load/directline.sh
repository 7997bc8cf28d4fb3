#!/usr/bin/env bash
# Direct Line under load on 127.0.0.1: opens N Web Chat-style conversations on one bot instance, each with its
# WebSocket, checks each gets its welcome over the socket, then has V visitors ask questions one after another and
# times each from the POST of the activity to the bot's reply arriving on the socket. The bot runs as it ships
# (published ReadyToRun) and is loaded until its rate is steady before the S measured seconds.
# Goals: 1,000 conversations held with sockets open; reply on the socket p99 <= 20 ms. Not run by CI.
# Usage: bash tests/load/directline.sh [conversations=1000] [seconds=15] [visitors=32]
set -euo pipefail
cd "$(dirname "$0")/../.."
conversations=${1:-1000}
seconds=${2:-15}
visitors=${3:-32}
bot_dir=$PWD/artifacts/load/web

# shellcheck source=tests/load/common.sh
source tests/load/common.sh

# Every socket is a file descriptor, on both ends.
ulimit -n 65536 2> /dev/null || ulimit -n "$(ulimit -Hn)"

log "publish the bot (Release, ReadyToRun) and build the load client"
publish_bot "$bot_dir"
dotnet build -c Release -nologo -v quiet tests/DystoniaBot.Benchmarks

wait_quiet
port=$(free_port)
# The limits per visitor stay on, raised above what one load script on one address asks for.
start "$bot_dir" DystoniaBot.Web.dll "$port" bot --Knowledge:IndexPath="$bot_dir/index" --DirectLine:ConversationsPerMinute=100000 --DirectLine:RequestsPerMinute=100000 \
  --Logging:LogLevel:Default=Warning
bot_pid=$pid
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/healthz" > /dev/null && break; sleep 0.2; done
idle=$(rss_mb "$bot_pid" VmRSS)

log "$conversations conversations, then $visitors visitors asking (warm-up until steady, then $seconds s measured)"
status=0
dotnet tests/DystoniaBot.Benchmarks/bin/Release/net10.0/DystoniaBot.Benchmarks.dll directline "http://127.0.0.1:$port" "$conversations" "$seconds" "$visitors" || status=$?
peak=$(rss_mb "$bot_pid" VmHWM)
awk -v i="$idle" -v p="$peak" -v n="$conversations" 'BEGIN {
  printf "bot memory: idle %.0f MB, peak with the sockets open %.0f MB (%.0f KB per conversation)\n", i, p, (p - i) * 1024 / n }'
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB, $(uname -sm)"
exit "$status"
