#!/usr/bin/env bash
# Netlify's image may lack .NET 10: install the SDK into the build cache when it is missing, then build the site.
set -euo pipefail
if ! dotnet --list-sdks 2>/dev/null | grep -q '^10\.'; then
  curl -sSL https://dot.net/v1/dotnet-install.sh -o /tmp/dotnet-install.sh
  bash /tmp/dotnet-install.sh --channel 10.0 --install-dir "$HOME/.dotnet"
  export PATH="$HOME/.dotnet:$PATH"
fi
# Netlify clones only recent history; frozen releases are rebuilt from older commits (docs/hosting.md).
if [ "$(git rev-parse --is-shallow-repository 2>/dev/null)" = "true" ]; then
  git fetch --unshallow --quiet
fi
dotnet run --project src/ImpactSite -c Release -- build
