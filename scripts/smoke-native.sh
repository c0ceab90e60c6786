#!/usr/bin/env bash
# Publishes the native (AOT) executable for linux-x64 with its publish profile, then builds the sample site with it and
# with the JIT build, and fails unless both outputs are the same byte for byte and `check` passes. Used by .ci/run.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-1795305600}"
cd "$repo"
start=$(date +%s)
dotnet publish src/ImpactSite -nologo -v q -p:PublishProfile=linux-x64 -p:PublishDir="$work/native/"
echo "native publish: $(( $(date +%s) - start )) s"
dotnet build src/ImpactSite -c Release -nologo -v q -o "$work/jit" >/dev/null
"$work/native/impactsite" --version
"$work/native/impactsite" check --input input --theme theme >/dev/null
"$work/native/impactsite" build --input input --theme theme --output "$work/out-native" >/dev/null
dotnet "$work/jit/impactsite.dll" build --input input --theme theme --output "$work/out-jit" >/dev/null
diff -r "$work/out-jit" "$work/out-native"
echo "native executable: sample site identical to the JIT build ($(find "$work/out-native" -type f | wc -l) files)"
