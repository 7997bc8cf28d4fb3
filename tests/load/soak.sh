#!/usr/bin/env bash
# Soak: the bot under steady mixed traffic for N minutes on 127.0.0.1, with a fresh SQLite file — wrk posting varied
# questions to /api/messages (expectReplies, tests/load/wrk-messages.lua) beside Direct Line visitors who get a token,
# start a conversation, ask and poll for each reply (tests/load/soak-directline.mjs). The bot's RSS is sampled every
# 10 s. Goal: zero errors, and memory growth under 10% from the end of the first minute (warm-up) to the end.
# Not run by CI; meant for a quiet machine. Usage: bash tests/load/soak.sh [minutes=10] [connections=4] [visitors=2]
set -euo pipefail
cd "$(dirname "$0")/../.."
minutes=${1:-10}
connections=${2:-4}
visitors=${3:-2}
seconds=$((minutes * 60))
bot_dir=$PWD/src/DystoniaBot.Web/bin/Release/net10.0

if [ "$minutes" -lt 2 ]; then
  echo "a soak needs at least 2 minutes: the first is warm-up" >&2
  exit 2
fi

# shellcheck source=tests/load/common.sh
source tests/load/common.sh
ensure_wrk
command -v node > /dev/null || { echo "node is needed for the Direct Line visitors" >&2; exit 2; }

log "build (Release)"
dotnet build -c Release -nologo -v quiet src/DystoniaBot.Web

port=$(free_port)
# Per-visitor limits stay on, raised above what a few visitors on one address ask for in a soak.
start "$bot_dir" DystoniaBot.Web.dll "$port" soak --Logging:LogLevel:Default=Warning \
  --DirectLine:ConversationsPerMinute=100000 --DirectLine:RequestsPerMinute=100000
bot_pid=$pid
for _ in $(seq 150); do curl -sf "http://127.0.0.1:$port/healthz" > /dev/null && break; sleep 0.2; done
curl -sf "http://127.0.0.1:$port/healthz" > /dev/null || { echo "the bot did not start:" >&2; cat "$work/soak.log" >&2; exit 1; }

log "soak: ${minutes} min, wrk -t 1 -c $connections on /api/messages, $visitors Direct Line visitors; RSS every 10 s"
# RSS samples as "seconds MB", from the start of the traffic.
(
  started=$SECONDS
  while kill -0 "$bot_pid" 2> /dev/null; do
    echo "$((SECONDS - started)) $(rss_mb "$bot_pid" VmRSS)" >> "$work/rss"
    sleep 10
  done
) &
pids+=("$!")
timeout $((seconds + 60)) wrk -t 1 -c "$connections" -d "${seconds}s" --timeout 10s -s tests/load/wrk-messages.lua \
  "http://127.0.0.1:$port/api/messages" > "$work/wrk.txt" &
wrk_pid=$!
timeout $((seconds + 60)) node tests/load/soak-directline.mjs "http://127.0.0.1:$port" "$seconds" "$visitors" > "$work/directline.json" &
directline_pid=$!
wait "$wrk_pid" || echo "wrk exited with $?" >&2
wait "$directline_pid" || echo "the Direct Line visitors exited with $?" >&2
end_mb=$(rss_mb "$bot_pid" VmRSS)
alive=$(kill -0 "$bot_pid" 2> /dev/null && echo yes || echo no)

printf '\n-- wrk\n'
cat "$work/wrk.txt"
printf '\n-- Direct Line visitors\n'
cat "$work/directline.json"
printf '\n-- RSS (s MB)\n'
paste -sd ' ' "$work/rss" | fold -w 120 -s

wrk_requests=$(awk '/requests in/ { print $1 }' "$work/wrk.txt")
wrk_non2xx=$(awk '/Non-2xx/ { print $NF }' "$work/wrk.txt")
# "Socket errors: connect 0, read 0, write 0, timeout 0"
wrk_socket=$(awk '/Socket errors/ { gsub(/,/, ""); print $4 + $6 + $8 + $10 }' "$work/wrk.txt")
dl_requests=$(jq -r '.requests // 0' "$work/directline.json" 2> /dev/null || echo 0)
dl_errors=$(jq -r '(.errors // 0) + (.missing // 0)' "$work/directline.json" 2> /dev/null || echo 1)
warm_mb=$(awk '$1 >= 60 { print $2; exit }' "$work/rss")
requests=$((${wrk_requests:-0} + dl_requests))
errors=$((${wrk_non2xx:-0} + ${wrk_socket:-0} + dl_errors))
if [ -z "$warm_mb" ] || [ "$alive" != yes ]; then
  echo "no reading after the warm-up minute (did the bot exit?):" >&2
  tail -20 "$work/soak.log" >&2
  exit 1
fi

log "results (${minutes} min, $(nproc) cores)"
printf 'requests: %s (/api/messages %s, Direct Line %s)\n' "$requests" "${wrk_requests:-0}" "$dl_requests"
printf 'errors: %s (non-2xx %s, socket errors %s, Direct Line failures or missing replies %s)\n' \
  "$errors" "${wrk_non2xx:-0}" "${wrk_socket:-0}" "$dl_errors"
awk -v w="$warm_mb" -v e="$end_mb" -v errors="$errors" 'BEGIN {
  growth = 100 * (e - w) / w
  printf "RSS after warm-up (1 min): %.1f MB; at the end: %.1f MB; growth %.1f%%\n", w, e, growth
  pass = growth < 10 && errors == 0
  printf "goal (memory growth under 10%% after warm-up, zero errors): %s\n", (pass ? "PASS" : "FAIL")
  exit(pass ? 0 : 1)
}'
