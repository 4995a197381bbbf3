#!/usr/bin/env bash
# Bench (f): a sweep of 8 trials with 2 trial processes at once vs the same 8 trials one after another (parallel 1):
# the same model, data, grid and script; only MLOpsSweepParallel differs. Each run gets its own MLOpsSweepId, so no
# trial is resumed from the store. Times: the whole MLOpsSweep target (plan, trials, the winner retrained, evaluated and
# gated) and its trial phase alone (_MLOpsSweepTrials in MSBuild's performance summary). Needs the packages in
# artifacts/packages (./build.sh --target=Packages). Writes bench/results/<date>-sweep.md.
# Knobs: BENCH_SWEEP_ROWS (default 96641: all rows of data/flights), BENCH_SWEEP_RUNS (default 2 pairs, alternating).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
rows=${BENCH_SWEEP_ROWS:-96641}
runs=${BENCH_SWEEP_RUNS:-2}
version=$(sed -n 's/.*"MLOps.Sdk" *: *"\([^"]*\)".*/\1/p' "$root/global.json")
work=$root/artifacts/bench/sweep
model=$work/SweepBench
results=$root/bench/results
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
rm -rf "$work" && mkdir -p "$model" "$work/data" "$results"
say() { printf '[bench %(%H:%M:%S)T] %s\n' -1 "$*"; }

head -n $((rows + 1)) "$root/data/flights/flights.csv" > "$work/data/flights.csv"
cp "$root/data/flights/schema.json" "$work/data/schema.json"
sed "s#../artifacts/packages#$root/artifacts/packages#" "$root/models/nuget.config" > "$work/nuget.config"
printf '<Project>\n  <PropertyGroup>\n    <MLOpsArtifactsDir>%s/artifacts/</MLOpsArtifactsDir>\n    <MLOpsPrerelease>false</MLOpsPrerelease>\n  </PropertyGroup>\n</Project>\n' "$work" > "$work/Directory.Build.props"
printf '<Project Sdk="MLOps.Sdk/%s">\n  <PropertyGroup>\n    <RootNamespace>SweepBench</RootNamespace>\n  </PropertyGroup>\n</Project>\n' "$version" > "$model/SweepBench.Model.csproj"
cat > "$model/model.yaml" <<'YAML'
name: SweepBench
task: binary-classification
data: { path: ../data/flights.csv, schema: ../data/schema.json }
label: { column: delay, when: "> 15" }
features:
  - { name: DepartureHour, source: date, derive: hour }
  - { name: DayOfWeek, source: date, derive: day-of-week }
  - { name: Distance, source: distance }
  - { name: Origin, source: origin, encode: one-hot }
  - { name: Destination, source: destination, encode: one-hot }
trainer:
  name: LightGbm
  seed: 42
  parameters: { NumberOfIterations: 150, MinimumExampleCountPerLeaf: 20 }
split: { test-fraction: 0.2, validation-fraction: 0.1, seed: 42 }
gates:
  auc: { min: 0.5 }
sweep:
  metric: auc
  strategy: grid
  parameters:
    NumberOfLeaves: [15, 31]
    LearningRate: [0.05, 0.1]
    MinimumExampleCountPerLeaf: [10, 40]
YAML

cd "$model"
say "restore and a first build (validation, stamps), not timed"
dotnet build -c Release -nodeReuse:false -v:q > "$work/build.log" 2>&1
samples=$work/samples.tsv
printf 'parallel\trun\twall_s\ttrials_s\n' > "$samples"
sweep() { # sweep PARALLEL RUN
  local log=$work/sweep-p$1-r$2.log start end
  start=$EPOCHREALTIME
  dotnet msbuild -t:MLOpsSweep -p:Configuration=Release -nodeReuse:false -m:2 -p:MLOpsSweepParallel=$1 -p:MLOpsSweepId=bench-p$1-r$2-$$ \
    -clp:PerformanceSummary > "$log" 2>&1 || { tail -30 "$log"; exit 1; }
  end=$EPOCHREALTIME
  local trials
  trials=$(grep -E '^\s+[0-9]+ ms\s+_MLOpsSweepTrials\s' "$log" | awk '{print $1/1000}' | head -1)
  printf '%s\t%s\t%.2f\t%s\n' "$1" "$2" "$(echo "$end - $start" | bc)" "$trials" >> "$samples"
  say "parallel $1, run $2: $(tail -1 "$samples" | cut -f3) s whole, $trials s trials (load $(cut -d' ' -f1-3 /proc/loadavg))"
}
load_before=$(cat /proc/loadavg)
for r in $(seq 1 "$runs"); do sweep 1 "$r"; sweep 2 "$r"; done

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
w1=$(awk -F'\t' '$1==1 {print $3}' "$samples" | median); w2=$(awk -F'\t' '$1==2 {print $3}' "$samples" | median)
t1=$(awk -F'\t' '$1==1 {print $4}' "$samples" | median); t2=$(awk -F'\t' '$1==2 {print $4}' "$samples" | median)
ratio_w=$(echo "scale=3; $w2 / $w1" | bc); ratio_t=$(echo "scale=3; $t2 / $t1" | bc)
say "whole target: parallel 2 / parallel 1 = $w2 / $w1 = $ratio_w; trial phase: $t2 / $t1 = $ratio_t"

out=$results/$(date +%F)-sweep.md
{
  echo "# Bench (f): a sweep of 8 trials, 2 at once vs one after another ($(date -u +%FT%TZ))"
  echo
  echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/ {print $2}') GB RAM, $(uname -sr), .NET SDK $(dotnet --version)."
  echo "Load average before: $load_before (a machine shared with other builds: figures are noisy). After: $(cat /proc/loadavg)."
  echo
  echo "Model: LightGbm, 150 iterations, $rows rows of data/flights (validation 10 %, test 20 %); grid NumberOfLeaves [15, 31] x"
  echo "LearningRate [0.05, 0.1] x MinimumExampleCountPerLeaf [10, 40] = 8 trials, each trained with NumberOfThreads 1 (SweepPlan's"
  echo "default) in its own process; the same script for both series (bench/sweep.sh), only -p:MLOpsSweepParallel differs (-m:2)."
  echo "Whole = the MLOpsSweep target (plan, 8 trials, the winner retrained on the same rows, evaluated on the test split, gated);"
  echo "trials = its trial phase (_MLOpsSweepTrials in MSBuild's performance summary). Median of $runs runs each, alternating."
  echo
  echo "| series | whole (s) | trials (s) |"
  echo "|---|---|---|"
  echo "| parallel 1 (one after another) | $w1 | $t1 |"
  echo "| parallel 2 | $w2 | $t2 |"
  echo "| **ratio** (goal <= 0.65) | **$ratio_w** | **$ratio_t** |"
  echo
  echo "Samples:"
  echo
  echo '```'
  cat "$samples"
  echo '```'
} > "$out"
say "wrote $out"
