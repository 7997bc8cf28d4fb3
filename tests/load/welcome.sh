#!/usr/bin/env bash
# How soon the page shows the welcome: the bot runs as it ships (published ReadyToRun, as run.sh does) on 127.0.0.1,
# and its page is loaded in Chromium N times as a first visit (a new browser profile each time: nothing cached) and N
# times with the page's files cached (a new conversation each time); prints the median and p95 from navigation start
# to the welcome's words painted, and to the steps on the way. Goal: the welcome within 1 s. Not run by CI.
# Needs Chromium at /usr/bin/chromium (or CHROMIUM_PATH), as the browser tests do.
# Usage: bash tests/load/welcome.sh [loads=30]
set -euo pipefail
cd "$(dirname "$0")/../.."
loads=${1:-30}
bot_dir=$PWD/artifacts/load/web

# shellcheck source=tests/load/common.sh
source tests/load/common.sh

log "publish the bot (Release, ReadyToRun) and build the browser client"
publish_bot "$bot_dir"
dotnet build -c Release -nologo -v quiet tests/DystoniaBot.Benchmarks

wait_quiet
port=$(free_port)
# Every load starts a conversation from this one address: the limit per visitor address is raised above them.
start "$bot_dir" DystoniaBot.Web.dll "$port" bot --Knowledge:IndexPath="$bot_dir/index" --DirectLine:ConversationsPerMinute=100000 --Logging:LogLevel:Default=Warning
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/healthz" > /dev/null && break; sleep 0.2; done

log "$loads first visits, then $loads visits with the files cached"
dotnet tests/DystoniaBot.Benchmarks/bin/Release/net10.0/DystoniaBot.Benchmarks.dll welcome "http://127.0.0.1:$port/" "$loads"
