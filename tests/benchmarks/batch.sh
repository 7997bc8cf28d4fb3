#!/usr/bin/env bash
# Times `dystoniabot ask --json --file` over a batch of questions against the naive Lucene baseline, both as whole
# processes on the same file, best of 3 runs each. Usage: bash tests/benchmarks/batch.sh [count=36000]
set -euo pipefail
cd "$(dirname "$0")/../.."
count=${1:-36000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dotnet build -c Release -nologo -v quiet src/DystoniaBot.Cli
dotnet build -c Release -nologo -v quiet tests/DystoniaBot.Benchmarks
bench=(dotnet tests/DystoniaBot.Benchmarks/bin/Release/net10.0/DystoniaBot.Benchmarks.dll)
cli=(dotnet src/DystoniaBot.Cli/bin/Release/net10.0/dystoniabot.dll)
"${bench[@]}" questions "$count" "$work/questions.jsonl" tests/eval/*.jsonl

best() {
  local best=999999
  for _ in 1 2 3; do
    local start end ms
    start=$(date +%s%N)
    "$@" > "$work/out.jsonl"
    end=$(date +%s%N)
    ms=$(( (end - start) / 1000000 ))
    [ "$ms" -lt "$best" ] && best=$ms
  done
  echo "$best"
}

naive=$(best "${bench[@]}" naive knowledge "$work/questions.jsonl")
ours=$(best "${cli[@]}" ask --json --file "$work/questions.jsonl")
lines=$(wc -l < "$work/out.jsonl")
echo "questions: $count (answers written: $lines)"
echo "naive StandardAnalyzer baseline: ${naive} ms"
echo "dystoniabot ask --json --file:   ${ours} ms"
awk -v a="$ours" -v b="$naive" 'BEGIN { printf "ratio: %.2f (goal <= 1.5)\n", a / b }'
