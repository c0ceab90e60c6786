#!/usr/bin/env bash
# ImpactSite vs Hugo vs Eleventy: full-build wall time, CPU time (user+sys) and peak RSS on generated corpora.
#
#   benchmarks/run.sh [SIZE ...]          default sizes: 100 1000 10000 100000
#
# ImpactSite runs as the native executable that ./impactsite builds (.impactsite/bin/impactsite); IMPACTSITE=path
# measures another build of it (say the JIT one: IMPACTSITE="dotnet src/ImpactSite/bin/Release/net10.0/impactsite.dll").
# A start-up row comes first: each tool's version command, and ImpactSite building the sample site in input/.
#
# Environment (all optional):
#   REPS=3            measurements per tool and size (the median is reported)
#   SINGLE_FROM=100000  sizes at or above this are measured once (a 100k ImpactSite build takes many minutes)
#   TOOLS="impactsite hugo eleventy"
#   WORK=benchmarks/corpus   where corpora and outputs go (gitignored; ~13 KB per entry for the three copies)
#   SEED=1            corpus seed
#   STEPS=1           also print the build's own per-step timing (impactsite build --verbose) at each size
#   SOURCE_DATE_EPOCH=1795305600 (2026-11-22, the corpus's build date)
#
# Results: a markdown table on stdout, and raw numbers appended to benchmarks/results/<date>.md (gitignored;
# docs/performance.md cites a committed copy in benchmarks/reference-results/).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(100 1000 10000 100000)
REPS="${REPS:-3}"
SINGLE_FROM="${SINGLE_FROM:-100000}"
TOOLS="${TOOLS:-impactsite hugo eleventy}"
WORK="${WORK:-$here/corpus}"
SEED="${SEED:-1}"
STEPS="${STEPS:-0}"
export SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-1795305600}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
mkdir -p "$WORK" "$here/results"
WORK="$(cd "$WORK" && pwd)"
results="$here/results/$(date -u +%Y-%m-%d).md"

log() { printf '%s\n' "$*" >&2; }

# ---------------------------------------------------------------- prerequisites
need_apt() { # command package
  command -v "$1" >/dev/null 2>&1 && return 0
  log "installing $2 (apt-get)"
  apt-get update -qq >/dev/null && apt-get install -y -qq "$2" >/dev/null
}
[ -x /usr/bin/time ] || need_apt /usr/bin/time time
case " $TOOLS " in *" hugo "*) need_apt hugo hugo ;; esac
case " $TOOLS " in *" eleventy "*)
  if [ ! -f "$here/eleventy/node_modules/@11ty/eleventy/cmd.cjs" ]; then
    log "installing Eleventy (npm ci in benchmarks/eleventy)"
    (cd "$here/eleventy" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  fi ;;
esac

log "building ImpactSite (./impactsite: the native executable, once) and the corpus generator (Release)"
if [ -z "${IMPACTSITE:-}" ]; then
  "$repo/impactsite" --version >/dev/null
  IMPACTSITE="$repo/.impactsite/bin/impactsite"
fi
read -r -a impactsite_cmd <<<"$IMPACTSITE"
dotnet build "$here/ImpactSite.Corpus/ImpactSite.Corpus.csproj" -c Release -nologo -v q >/dev/null
corpus_dll="$here/ImpactSite.Corpus/bin/Release/net10.0/impactsite-corpus.dll"

# ---------------------------------------------------------------- machine
cpu_model="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
mem_gib="$(awk '/MemTotal/ {printf "%.0f", $2/1048576}' /proc/meminfo)"
hugo_version="$(command -v hugo >/dev/null && hugo version | awk '{print $2}' || echo -)"
eleventy_version="$( [ -f "$here/eleventy/node_modules/@11ty/eleventy/package.json" ] && node -p "require('$here/eleventy/node_modules/@11ty/eleventy/package.json').version" || echo -)"
{
  echo
  echo "## Run of $(date -u '+%Y-%m-%d %H:%M UTC'): sizes ${sizes[*]}, $REPS rep(s), seed $SEED"
  echo
  echo "Machine: $(nproc) CPUs ($cpu_model), ${mem_gib} GiB; .NET $(dotnet --version); hugo $hugo_version; Eleventy $eleventy_version; node $(node --version 2>/dev/null || echo -)."
  echo
  echo "Raw measurements, one line per run: tool, entries, rep, wall s, user s, sys s, peak RSS KiB, HTML pages written, load average just before the run:"
  echo
  echo '```'
} >>"$results"

# ---------------------------------------------------------------- measurement
# measure TOOL SIZE REP: one clean build; appends "tool size rep wall user sys rss pages load" to $raw
raw="$WORK/raw-$$.txt"
: >"$raw"
measure() {
  local tool=$1 n=$2 rep=$3 out="$WORK/out-$1-$2" timing="$WORK/time-$$.txt" load
  rm -rf "$out" "$WORK/.out-$tool-$n".building-* 2>/dev/null || true
  sync
  load="$(cut -d' ' -f1 /proc/loadavg)"
  local status=0
  case $tool in
    impactsite)
      /usr/bin/time -o "$timing" -f '%e %U %S %M' "${impactsite_cmd[@]}" build \
        --input "$WORK/corpus-$n" --theme "$repo/theme" --output "$out" >/dev/null 2>"$WORK/stderr-$tool-$n.txt" || status=$? ;;
    hugo)
      /usr/bin/time -o "$timing" -f '%e %U %S %M' hugo --quiet -s "$WORK/corpus-$n-hugo" -d "$out" \
        >/dev/null 2>"$WORK/stderr-$tool-$n.txt" || status=$? ;;
    eleventy)
      (cd "$here/eleventy" && /usr/bin/time -o "$timing" -f '%e %U %S %M' node node_modules/@11ty/eleventy/cmd.cjs \
        --config=eleventy.config.js --input="$WORK/corpus-$n-eleventy" --output="$out" --quiet \
        >/dev/null 2>"$WORK/stderr-$tool-$n.txt") || status=$? ;;
  esac
  if [ "$status" != 0 ]; then
    log "$tool failed at $n entries (exit $status); last lines of its stderr:"
    tail -5 "$WORK/stderr-$tool-$n.txt" >&2
    echo "$tool $n $rep FAILED" >>"$results"
    return 0
  fi
  local pages
  pages="$(find "$out" -name '*.html' | wc -l)"
  local line="$tool $n $rep $(cat "$timing") $pages $load"
  echo "$line" >>"$raw"
  echo "$line" >>"$results"
  log "  $line"
}

# start-up: the version command of each tool, then ImpactSite building the sample site (70 files); REPS each, interleaved
startup() { # tool rep
  local tool=$1 rep=$2 timing="$WORK/time-$$.txt" status=0
  case $tool in
    impactsite) /usr/bin/time -o "$timing" -f '%e %U %S %M' "${impactsite_cmd[@]}" --version >/dev/null 2>&1 || status=$? ;;
    hugo) /usr/bin/time -o "$timing" -f '%e %U %S %M' hugo version >/dev/null 2>&1 || status=$? ;;
    eleventy) (cd "$here/eleventy" && /usr/bin/time -o "$timing" -f '%e %U %S %M' node node_modules/@11ty/eleventy/cmd.cjs --version >/dev/null 2>&1) || status=$? ;;
  esac
  [ "$status" = 0 ] || { log "$tool --version failed"; return 0; }
  local line="$tool version $rep $(cat "$timing") 0 $(cut -d' ' -f1 /proc/loadavg)"
  echo "$line" >>"$raw"; echo "$line" >>"$results"; log "  $line"
}
log "== start-up"
for rep in $(seq 1 "$REPS"); do
  for tool in $TOOLS; do startup "$tool" "$rep"; done
  rm -rf "$WORK/out-sample"
  /usr/bin/time -o "$WORK/time-$$.txt" -f '%e %U %S %M' "${impactsite_cmd[@]}" build --input "$repo/input" --theme "$repo/theme" \
    --output "$WORK/out-sample" >/dev/null 2>&1
  line="impactsite sample $rep $(cat "$WORK/time-$$.txt") $(find "$WORK/out-sample" -name '*.html' | wc -l) $(cut -d' ' -f1 /proc/loadavg)"
  echo "$line" >>"$raw"; echo "$line" >>"$results"; log "  $line"
done
rm -rf "$WORK/out-sample"

for n in "${sizes[@]}"; do
  log "== $n entries: generating corpus (seed $SEED)"
  dotnet "$corpus_dll" --entries "$n" --out "$WORK/corpus-$n" --seed "$SEED" >&2
  cp "$here/hugo/hugo.toml" "$WORK/corpus-$n-hugo/"
  cp -r "$here/hugo/layouts" "$WORK/corpus-$n-hugo/"
  cp -r "$here/eleventy/_includes" "$WORK/corpus-$n-eleventy/"
  reps=$REPS
  [ "$n" -ge "$SINGLE_FROM" ] && reps=1
  # Interleaved (tool A, B, C, A, B, C, ...) so that load from anything else on the machine hits every tool alike.
  for rep in $(seq 1 "$reps"); do
    for tool in $TOOLS; do measure "$tool" "$n" "$rep"; done
  done
  for tool in $TOOLS; do rm -rf "$WORK/out-$tool-$n"; done
done
echo '```' >>"$results"

# ---------------------------------------------------------------- table (medians)
table() {
  echo "| entries | tool | wall s | CPU s (user+sys) | peak RSS MiB | HTML pages | runs | wall s per 1k entries | RSS MiB per 1k entries |"
  echo "|---:|---|---:|---:|---:|---:|---:|---:|---:|"
  for n in version sample "${sizes[@]}"; do
    for tool in $TOOLS; do
      [ "$n" = sample ] && [ "$tool" != impactsite ] && continue
      awk -v t="$tool" -v n="$n" '
        function median(a, k,   i, j, x) { # insertion sort, then middle
          for (i = 2; i <= k; i++) { x = a[i]; for (j = i - 1; j >= 1 && a[j] > x; j--) a[j + 1] = a[j]; a[j + 1] = x }
          return k % 2 ? a[(k + 1) / 2] : (a[k / 2] + a[k / 2 + 1]) / 2 }
        $1 == t && $2 == n { k++; w[k] = $4; c[k] = $5 + $6; m[k] = $7 / 1024; p = $8 }
        END {
          if (k == 0) { printf "| %s | %s | failed | | | | 0 | | |\n", n, t; exit }
          mw = median(w, k); mc = median(c, k); mm = median(m, k)
          if (n !~ /^[0-9]+$/) { printf "| %s | %s | %.2f | %.2f | %.0f | %d | %d | | |\n", n, t, mw, mc, mm, p, k; exit }
          printf "| %d | %s | %.2f | %.2f | %.0f | %d | %d | %.3f | %.1f |\n", n, t, mw, mc, mm, p, k, mw / (n / 1000), mm / (n / 1000) }' "$raw"
    done
  done
}
{
  echo
  echo "Medians:"
  echo
  table
} >>"$results"
echo
table

# ---------------------------------------------------------------- per-step timing (optional)
if [ "$STEPS" = 1 ]; then
  for n in "${sizes[@]}"; do
    log "== per-step timing at $n entries (impactsite build --verbose)"
    rm -rf "$WORK/out-steps"
    "${impactsite_cmd[@]}" build --verbose --input "$WORK/corpus-$n" --theme "$repo/theme" --output "$WORK/out-steps" 2>&1 \
      | grep -v -e ': warning: ' -e '^ *- ' | tee -a "$results"
    rm -rf "$WORK/out-steps"
  done
fi
rm -f "$raw" "$WORK/time-$$.txt"
log "raw results appended to $results"
