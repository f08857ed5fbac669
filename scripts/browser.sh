#!/usr/bin/env bash
# Installs what the dashboard's browser tests and the metrics format test need, from Debian's
# packages: headless Chromium with its WebDriver (chromium, chromium-driver) and the Prometheus
# client for Python, whose text-format parser checks the /metrics output
# (python3-prometheus-client, for Debian's /usr/bin/python3). Does nothing when they are already there.
set -u

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
/usr/bin/python3 -c 'import prometheus_client.parser' >/dev/null 2>&1 || missing+=(python3-prometheus-client)

if [ ${#missing[@]} -eq 0 ]; then
  echo "browser test tools: chromium, chromedriver and python3-prometheus-client present"
  exit 0
fi
if [ "$(id -u)" != 0 ]; then
  echo "Missing ${missing[*]}; run as root or install them with: apt-get install ${missing[*]}" >&2
  exit 1
fi
echo "browser test tools: installing ${missing[*]}"
apt-get update -qq >/dev/null 2>&1
if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; then
  echo "apt-get install ${missing[*]} failed" >&2
  exit 1
fi
