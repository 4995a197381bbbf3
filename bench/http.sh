#!/usr/bin/env bash
# FlightDelay.Api under load (issue 10, "Performance of serving"; results in bench/results/<date>-http.md):
# requests per second and latency percentiles of single-row POST /predict, measured by Debian's wrk 4.1.0
# (bench/http-predict.lua), with the prediction log off and on (every request logged, SampleRate 1).
# The service is the sample as a user runs it, published in Release, on the FlightDelay model trained here from the
# repository's spec and demo data (data/flights, 96,641 rows) and packed into a feed of its own with the MLOps
# packages in artifacts/packages (./build.sh --target=Packages). Bounded: each run is -t2 -c16 for BENCH_SECONDS
# (default 20) after a 5 s warm-up; a run with any non-2xx answer or socket error fails the bench. BENCH_ROUNDS rounds
# (default 3), the order of off and on alternating, a fresh process each run; the summary gives the medians.
# Knobs (environment): BENCH_SECONDS, BENCH_ROUNDS, BENCH_THREADS (2), BENCH_CONNECTIONS (16).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
seconds=${BENCH_SECONDS:-20}
rounds=${BENCH_ROUNDS:-3}
threads=${BENCH_THREADS:-2}
connections=${BENCH_CONNECTIONS:-16}
work=$root/artifacts/bench/http
say() { printf '[bench %(%H:%M:%S)T] %s\n' -1 "$*"; }
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
unset MLOPS_RUN_STORE
command -v wrk >/dev/null || { echo "bench: wrk is not installed (Debian: apt-get install wrk)" >&2; exit 2; }

version=$(python3 -c 'import json,sys; print(json.load(open("global.json"))["msbuild-sdks"]["MLOps.Sdk"])')
packages=$root/artifacts/packages
for id in MLOps.Sdk MLOps.Runtime MLOps.ModelFormat; do
  [[ -f $packages/$id.$version.nupkg ]] || { echo "bench: $packages/$id.$version.nupkg is missing; run ./build.sh --target=Packages" >&2; exit 2; }
done
rm -rf "$work" && mkdir -p "$work/model" "$work/feed" "$work/api"
# Its own packages folder: MLOps.* and FlightDelay.Model from this run's packages, everything else linked from the user's.
export NUGET_PACKAGES=$work/nuget-packages
mkdir -p "$NUGET_PACKAGES"
cp -al "${HOME}/.nuget/packages/." "$NUGET_PACKAGES/" 2>/dev/null || true
rm -rf "$NUGET_PACKAGES"/mlops.* "$NUGET_PACKAGES"/flightdelay.*

config() { # nuget.config: MLOps.* (and FlightDelay.*) from $1 only
  cat <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources><add key="local" value="$1" /></packageSources>
  <packageSourceMapping>
    <packageSource key="local"><package pattern="MLOps.*" /><package pattern="FlightDelay.*" /></packageSource>
    <packageSource key="nuget.org"><package pattern="*" /></packageSource>
  </packageSourceMapping>
</configuration>
XML
}

say "training and packing FlightDelay (models/FlightDelay/model.yaml on data/flights)"
model=$work/model
printf '<Project>\n  <PropertyGroup>\n    <MLOpsArtifactsDir>%s/artifacts/</MLOpsArtifactsDir>\n    <MLOpsTrackRuns>false</MLOpsTrackRuns>\n  </PropertyGroup>\n</Project>\n' "$work" > "$model/Directory.Build.props"
config "$packages" > "$model/nuget.config"
cp models/FlightDelay/FlightDelay.Model.csproj "$model/"
sed -e "s|^  path: .*|  path: $root/data/flights/flights.csv|" -e "s|^  schema: .*|  schema: $root/data/flights/schema.json|" \
  models/FlightDelay/model.yaml > "$model/model.yaml"
dotnet pack "$model" -c Release -nodeReuse:false -v:q -nologo -clp:NoSummary -p:MLOpsVersion=1.0.0 -o "$work/feed"
cp "$packages/MLOps.Runtime.$version.nupkg" "$packages/MLOps.ModelFormat.$version.nupkg" "$work/feed/"

say "publishing samples/FlightDelay.Api (Release)"
cp samples/FlightDelay.Api/*.cs samples/FlightDelay.Api/*.csproj samples/FlightDelay.Api/appsettings.json "$work/api/"
config "$work/feed" > "$work/api/nuget.config"
dotnet publish "$work/api" -c Release -nodeReuse:false -v:q -nologo -clp:NoSummary -o "$work/out"

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
url=http://127.0.0.1:$port
results=$work/results.tsv
printf 'round\tlog\trequests_per_s\tp50_ms\tp90_ms\tp99_ms\trequests\tlogged\tdropped\n' > "$results"

ms() { # wrk's latency (850.00us, 1.20ms, 2.00s) in ms
  python3 -c 'import re,sys; v,u=re.match(r"([0-9.]+)(us|ms|s)",sys.argv[1]).groups(); print(round(float(v)*{"us":0.001,"ms":1,"s":1000}[u],3))' "$1"
}

run() { # $1: off|on, $2: round
  local log=$1 round=$2 args=(--Model:Feed= --Logging:LogLevel:Default=Warning)
  [[ $log == on ]] && args+=(--Model:Log:Directory="$work/predictions")
  rm -rf "$work/predictions"
  (cd "$work/out" && exec dotnet FlightDelay.Api.dll --Urls="$url" "${args[@]}") > "$work/api-$log.log" 2>&1 &
  local pid=$!
  for _ in $(seq 100); do curl -sf "$url/health" >/dev/null && break; sleep 0.2; done
  curl -sf "$url/health" >/dev/null || { cat "$work/api-$log.log"; kill "$pid"; exit 1; }
  wrk -t"$threads" -c"$connections" -d5s -s bench/http-predict.lua "$url/predict" > /dev/null
  say "round $round, log $log: wrk -t$threads -c$connections -d${seconds}s --latency"
  wrk -t"$threads" -c"$connections" -d"${seconds}s" --latency -s bench/http-predict.lua "$url/predict" | tee "$work/wrk-$log.txt"
  local status
  status=$(curl -sf "$url/model" | python3 -c 'import json,sys; l=json.load(sys.stdin)["prediction_log"] or {}; print(l.get("Written",0), l.get("Dropped",0))')
  kill "$pid"; wait "$pid" || true
  if grep -qE 'Non-2xx|Socket errors' "$work/wrk-$log.txt"; then echo "bench: errors under load (log $log)" >&2; exit 1; fi
  local rps p50 p90 p99 total
  rps=$(awk '/^Requests\/sec/ {print $2}' "$work/wrk-$log.txt")
  p50=$(ms "$(awk '$1=="50%" {print $2}' "$work/wrk-$log.txt")")
  p90=$(ms "$(awk '$1=="90%" {print $2}' "$work/wrk-$log.txt")")
  p99=$(ms "$(awk '$1=="99%" {print $2}' "$work/wrk-$log.txt")")
  total=$(awk '/requests in/ {print $1}' "$work/wrk-$log.txt")
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$log" "$rps" "$p50" "$p90" "$p99" "$total" ${status} >> "$results"
}

for round in $(seq "$rounds"); do
  if (( round % 2 )); then run off "$round"; run on "$round"; else run on "$round"; run off "$round"; fi
done
say "results ($results); machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
column -t "$results"
python3 - "$results" <<'PY'
import csv, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
med = {log: {k: statistics.median(float(r[k]) for r in rows if r["log"] == log) for k in ("requests_per_s", "p50_ms", "p99_ms")} for log in ("off", "on")}
for log in ("off", "on"):
    print(f"median, log {log}: {med[log]['requests_per_s']:.0f} requests/s, p50 {med[log]['p50_ms']} ms, p99 {med[log]['p99_ms']} ms")
print(f"log on / off, requests per second: {med['on']['requests_per_s'] / med['off']['requests_per_s']:.3f}")
PY
