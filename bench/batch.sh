#!/usr/bin/env bash
# Batch scoring (issue 10): `mlops predict` end to end (verify the model, validate the data in the serving environment,
# stream the rows through the runtime, write the CSV) against bench/BareScoring, a plain ML.NET program that loads the same
# model.zip and scores the same Parquet file with Transform and writes the same CSV. Goal: mlops / bare <= 1.1.
# Both run as whole processes (`dotnet <dll>`), interleaved, the order alternating; both outputs must be byte-identical.
# Writes bench/results/<date>-batch.md.
# Knobs (environment): BENCH_RUNS_BATCH (default 3), BENCH_BATCH_DATA (default ../shared/data/flights-3m.parquet).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
runs=${BENCH_RUNS_BATCH:-3}
data=${BENCH_BATCH_DATA:-$root/../shared/data/flights-3m.parquet}
work=$root/artifacts/bench/batch
results=$root/bench/results
day=$(date +%F)
say() { printf '[bench batch %(%H:%M:%S)T] %s\n' -1 "$*"; }
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
[[ -f $data ]] || { echo "no data: $data (the 3M-row flights file is in ../shared/data/)" >&2; exit 2; }
rm -rf "$work" && mkdir -p "$work/model/FlightDelay" "$results"

say "building the CLI and bench/BareScoring (Release)"
dotnet build src/MLOps.Cli -c Release -nodeReuse:false -v q -nologo -clp:NoSummary >/dev/null
dotnet build bench/BareScoring -c Release -nodeReuse:false -v q -nologo -clp:NoSummary >/dev/null
mlops="$root/src/MLOps.Cli/bin/Release/net10.0/mlops.dll"
bare="$root/bench/BareScoring/bin/Release/net10.0/BareScoring.dll"

# The model: FlightDelay as models/FlightDelay/model.yaml trains it (mlops train, on data/flights), in a model folder as a
# package delivers it: model.zip, schema.json, and a lineage.json holding the model's sha256 (what the runtime verifies).
say "training FlightDelay (mlops train models/FlightDelay)"
trained=$(dotnet "$mlops" train models/FlightDelay --store "$work/runs.db" --json 2>/dev/null | python3 -c 'import json,sys; print(json.load(sys.stdin)["output"])')
model=$work/model/FlightDelay
cp "$trained/model.zip" "$model/"
cp data/flights/schema.json "$model/"
printf '{"model_id":"FlightDelay.Model","model_version":"0.0.0-bench","model_sha256":"%s"}\n' "$(sha256sum "$model/model.zip" | cut -d' ' -f1)" > "$model/lineage.json"

samples=$work/samples.tsv
printf 'series\trun\twall_s\tuser_s\tsys_s\tmax_rss_kb\tload1\n' > "$samples"
timed() { # series run command...
  local series=$1 run=$2; shift 2
  local load; load=$(cut -d' ' -f1 /proc/loadavg)
  /usr/bin/time -f "%e %U %S %M" -o "$work/time.txt" "$@" > "$work/$series.log" 2>&1
  read -r wall user sys rss < "$work/time.txt"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$series" "$run" "$wall" "$user" "$sys" "$rss" "$load" >> "$samples"
  say "$series run $run: ${wall} s (load $load)"
}
loadavg_before=$(cat /proc/loadavg)
for ((run = 1; run <= runs; run++)); do
  if ((run % 2)); then order=(mlops bare); else order=(bare mlops); fi
  for series in "${order[@]}"; do
    if [[ $series == mlops ]]; then
      timed mlops "$run" dotnet "$mlops" predict --model "$model" --data "$data" -o "$work/mlops.csv"
    else
      timed bare "$run" dotnet "$bare" "$data" "$model/model.zip" "$work/bare.csv"
    fi
  done
  cmp -s "$work/mlops.csv" "$work/bare.csv" || { echo "the two predictions files differ (run $run)" >&2; exit 1; }
done
loadavg_after=$(cat /proc/loadavg)
rows=$(($(wc -l < "$work/mlops.csv") - 1))

python3 bench/batch-report.py "$samples" "$results/$day-batch.md" "$rows" "$(realpath "$data")" "$loadavg_before" "$loadavg_after" \
  "$(lscpu | sed -n 's/^Model name: *//p')" "$(nproc)" "$(free -g | awk '/^Mem:/ {print $2}')" "$(dotnet --version)"
