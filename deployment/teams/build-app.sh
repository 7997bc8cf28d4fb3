#!/usr/bin/env bash
# Builds the Teams app package: manifest.json with the bot's ids and domain filled in, and the two icons, zipped.
#   deployment/teams/build-app.sh --bot-id <MicrosoftAppId> --domain <bot host name> [--app-id <guid>] [--out <zip>]
# --bot-id is the bot's MicrosoftAppId (a GUID); --domain is the host that serves /api/messages and the page,
# without scheme or path; --app-id is the Teams app's own id (default: the bot id).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bot_id='' domain='' app_id='' out="$here/build/dystoniabot-teams.zip"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --bot-id) bot_id="${2:-}"; shift 2 ;;
    --domain) domain="${2:-}"; shift 2 ;;
    --app-id) app_id="${2:-}"; shift 2 ;;
    --out) out="${2:-}"; shift 2 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done
app_id="${app_id:-$bot_id}"
out="$(realpath -m "$out")"

guid='^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'
[[ "$bot_id" =~ $guid ]] || { echo "--bot-id must be the bot's MicrosoftAppId (a GUID)" >&2; exit 2; }
[[ "$app_id" =~ $guid ]] || { echo "--app-id must be a GUID" >&2; exit 2; }
[[ "$domain" =~ ^[A-Za-z0-9.-]+(:[0-9]+)?$ ]] || { echo "--domain must be a host name such as bot.example.org (no scheme, no path)" >&2; exit 2; }
command -v zip >/dev/null || { echo "zip is needed: apt-get install zip" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
sed -e "s/\${{BOT_ID}}/$bot_id/g" -e "s/\${{TEAMS_APP_ID}}/$app_id/g" -e "s/\${{BOT_DOMAIN}}/$domain/g" \
  "$here/manifest.json" > "$work/manifest.json"
if grep -q '\${{' "$work/manifest.json"; then
  echo "manifest.json still has a placeholder:" >&2
  grep -n '\${{' "$work/manifest.json" >&2
  exit 1
fi
cp "$here/color.png" "$here/outline.png" "$work/"

mkdir -p "$(dirname "$out")"
rm -f "$out"
(cd "$work" && zip -q -X "$out" manifest.json color.png outline.png)
echo "$out"
