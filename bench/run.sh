#!/usr/bin/env bash
# The benchmarks (bench/README.md): run from anywhere, normally as `./build.sh --target=Bench`.
#   (a) cold `dotnet build` of the FlightDelay model on the big flights CSV vs bench/BareMLNet
#   (b) no-op `dotnet build` of models/FlightDelay vs an empty class library
#   (c) data: validate + profile vs ML.NET loading the CSV, peak memory 1M vs all rows, fingerprint vs
#       reading the bytes and vs sha256sum (bench/DataBench, one process)
# Prints the figures and writes bench/results/<date>-pipeline.md and .json.
# Knobs (environment): BENCH_RUNS_A (default 3), BENCH_RUNS_B (default 7), BENCH_BARE_LOAD (default stream),
# BENCH_RUNS_C (default 5).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
runs_a=${BENCH_RUNS_A:-3}
runs_b=${BENCH_RUNS_B:-7}
bare_load=${BENCH_BARE_LOAD:-stream}
runs_c=${BENCH_RUNS_C:-5}
work=$root/artifacts/bench
logs=$work/logs
results=$root/bench/results
day=$(date +%F)
mkdir -p "$work" "$results"
rm -rf "$logs" && mkdir -p "$logs"
samples=$work/samples.tsv
printf 'series\trun\twall_s\tcpu_s\tmax_rss_kb\tgroup_peak_kb\tload1\texit\tlog\n' > "$samples"
say() { printf '[bench %(%H:%M:%S)T] %s\n' -1 "$*"; }
bench_start=$EPOCHREALTIME
run_at=$(date -u +%FT%TZ)

# measure SERIES RUN LOG COMMAND...: runs COMMAND in its own process group, its output (each line
# prefixed with the time it arrived) to LOG, and appends to $samples: wall seconds (GNU time); CPU
# seconds, the largest single process's peak RSS and the peak of the group's summed RSS, sampled by
# bench/sample.py over every process of the group (MSBuild's task hosts included: GNU time misses them,
# the build never waits for them); the 1-minute load average before the run; the exit code.
measure() {
  local series=$1 run=$2 log=$3 tf sf load1
  shift 3
  tf=$(mktemp) sf=$(mktemp)
  load1=$(cut -d' ' -f1 /proc/loadavg)
  setsid bash -c 'set -o pipefail; out=$1; shift; /usr/bin/time -f "%e" -o "$out" "$@" 2>&1 |
    while IFS= read -r line; do printf "%s %s\n" "$EPOCHREALTIME" "$line"; done' bash "$tf" "$@" > "$log" &
  local pid=$! rc=0
  python3 "$root/bench/sample.py" "$pid" "$sf" &
  local sampler=$!
  wait "$pid" || rc=$?
  # The sampler ends when the last process of the group has; a straggler gets 15 s.
  for ((t = 0; t < 150; t++)); do kill -0 "$sampler" 2>/dev/null || break; sleep 0.1; done
  kill "$sampler" 2>/dev/null || true
  wait "$sampler" 2>/dev/null || true
  local wall cpu peak group_peak
  wall=$(tail -n 1 "$tf")
  read -r cpu peak group_peak _ < "$sf"
  rm -f "$tf" "$sf"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$series" "$run" "$wall" "$cpu" "$peak" "$group_peak" "$load1" "$rc" "$log" >> "$samples"
  say "$series #$run: ${wall} s wall, ${cpu} s CPU, peak RSS $((peak / 1024)) MB (process group $((group_peak / 1024)) MB), load ${load1}, exit $rc"
}

# ---- Setup (not timed) ------------------------------------------------------------------------------
parquet=$root/../shared/data/flights-3m.parquet
if [[ -f $parquet ]]; then
  data=$work/flights-3m.csv
  data_note="../shared/data/flights-3m.parquet converted to CSV by bench/FlightsCsv"
  if [[ ! -s $data || $data -ot $parquet ]]; then
    say "converting $parquet to $data"
    dotnet run -c Release --project bench/FlightsCsv -- "$parquet" "$data.tmp"
    mv "$data.tmp" "$data"
  fi
else
  data=$root/data/flights/flights.csv
  data_note="FALLBACK: ../shared/data/flights-3m.parquet is absent, so the repository's demo cut data/flights/flights.csv was used; the figures are not comparable with 3M-row runs"
  say "$data_note"
fi
rows=$(($(wc -l < "$data") - 1))
say "data: $data ($rows rows)"

# (c) compares peak memory on the first 1,000,000 rows with all of them.
data_1m=$work/flights-1m.csv
if [[ ! -s $data_1m || $data_1m -ot $data ]]; then
  head -n 1000001 "$data" > "$data_1m.tmp" && mv "$data_1m.tmp" "$data_1m"
fi

say "building src (Release), bench/BareMLNet and bench/DataBench"
build_flags=(-c Release -nodeReuse:false -v:q -nologo -clp:NoSummary)
dotnet build src/MLOps.Tasks "${build_flags[@]}"
dotnet build src/MLOps.Runtime "${build_flags[@]}"
dotnet build bench/BareMLNet "${build_flags[@]}"
dotnet build bench/DataBench "${build_flags[@]}"
bare_dll=$root/bench/BareMLNet/bin/Release/net10.0/BareMLNet.dll
data_bench_dll=$root/bench/DataBench/bin/Release/net10.0/DataBench.dll

# The pipeline's model project: the FlightDelay project and spec, wired exactly as models/ are (its
# Directory.Build.* import models/Directory.Build.*), with data.path at the big CSV and the repo's schema.
model=$work/model
rm -rf "$model" && mkdir -p "$model"
printf '<Project>\n  <Import Project="%s/models/Directory.Build.props" />\n</Project>\n' "$root" > "$model/Directory.Build.props"
printf '<Project>\n  <Import Project="%s/models/Directory.Build.targets" />\n</Project>\n' "$root" > "$model/Directory.Build.targets"
cp models/FlightDelay/FlightDelay.Model.csproj "$model/FlightDelayBench.Model.csproj"
sed -e "s|^  path: .*|  path: $data|" -e "s|^  schema: .*|  schema: $root/data/flights/schema.json|" \
  models/FlightDelay/model.yaml > "$model/model.yaml"
grep -q "^  path: $data\$" "$model/model.yaml" || { echo "bench: could not point $model/model.yaml at $data" >&2; exit 2; }

# ---- (a) cold pipeline build vs bare ML.NET, interleaved (order alternates) ----------------------
# The run cache is off (-p:MLOpsRunCache=): a cold build must train, not restore the last run's model.
run_pipeline() {
  rm -rf "$model/obj" "$model/bin"
  measure pipeline "$1" "$logs/pipeline-$1.log" dotnet build "$model" -c Release -nodeReuse:false \
    -p:BuildProjectReferences=false -p:MLOpsRunCache= -clp:PerformanceSummary
  grep -q "trained LightGbm" "$logs/pipeline-$1.log" || { echo "bench: pipeline run $1 did not train; see $logs/pipeline-$1.log" >&2; exit 2; }
}
run_bare() {
  rm -f "$work/bare-model.zip"
  measure bare "$1" "$logs/bare-$1.log" dotnet "$bare_dll" "$data" "$model/model.yaml" "$work/bare-model.zip" "--load=$bare_load"
}
say "(a) $runs_a cold pipeline builds and $runs_a bare ML.NET runs on $rows rows"
for ((i = 1; i <= runs_a; i++)); do
  if ((i % 2)); then run_pipeline "$i"; run_bare "$i"; else run_bare "$i"; run_pipeline "$i"; fi
done

# ---- (b) no-op builds: models/FlightDelay vs an empty class library --------------------------------
empty=$work/empty
if [[ ! -f $empty/Empty.csproj ]]; then
  rm -rf "$empty"
  dotnet new classlib -o "$empty" -n Empty > /dev/null
fi
# The empty library again, with the model's two project references (models/Directory.Build.targets) and
# nothing else: separates the cost of the references from the cost of the MLOps targets.
empty_refs=$work/empty-refs
rm -rf "$empty_refs" && mkdir -p "$empty_refs"
cp "$empty/Class1.cs" "$empty_refs/"
printf '%s\n' '<Project Sdk="Microsoft.NET.Sdk">' '  <ItemGroup>' \
  "    <ProjectReference Include=\"$root/src/MLOps.Tasks/MLOps.Tasks.csproj\" ReferenceOutputAssembly=\"false\" PrivateAssets=\"all\" />" \
  "    <ProjectReference Include=\"$root/src/MLOps.Runtime/MLOps.Runtime.csproj\" />" '  </ItemGroup>' '</Project>' > "$empty_refs/EmptyRefs.csproj"
say "(b) first builds (not timed)"
dotnet build "$empty" "${build_flags[@]}"
dotnet build "$empty_refs" "${build_flags[@]}"
dotnet build models/FlightDelay "${build_flags[@]}"
noop_flags=(-c Release --no-restore -nodeReuse:false)
# One more no-op of the model with a performance summary, to show where its time goes (not timed).
dotnet build models/FlightDelay "${noop_flags[@]}" -clp:PerformanceSummary > "$logs/noop-model-summary.log" 2>&1
say "(b) $runs_b no-op builds each: dotnet build <project> ${noop_flags[*]}"
for ((i = 1; i <= runs_b; i++)); do
  first=(noop-model models/FlightDelay) second=(noop-empty "$empty")
  if ! ((i % 2)); then first=(noop-empty "$empty") second=(noop-model models/FlightDelay); fi
  measure "${first[0]}" "$i" "$logs/${first[0]}-$i.log" dotnet build "${first[1]}" "${noop_flags[@]}"
  measure "${second[0]}" "$i" "$logs/${second[0]}-$i.log" dotnet build "${second[1]}" "${noop_flags[@]}"
  # Information only: the empty library with the model's project references, and the model without
  # building its references (src/ is up to date anyway).
  measure noop-empty-refs "$i" "$logs/noop-empty-refs-$i.log" dotnet build "$empty_refs" "${noop_flags[@]}"
  measure noop-model-norefs "$i" "$logs/noop-model-norefs-$i.log" dotnet build models/FlightDelay "${noop_flags[@]}" -p:BuildProjectReferences=false
done

# ---- (c) data: validate + profile vs ML.NET, peak memory 1M vs all rows, fingerprints ---------------
# One process times every comparison (warm-up, interleaved runs, medians); memory is measured in fresh
# child processes it starts. Its figures go to $data_bench_json for bench/report.py. A failure here is
# reported and leaves (a) and (b) to be written.
data_bench_json=$work/data-bench.json
rm -f "$data_bench_json"
say "(c) data benchmarks on $rows rows, $runs_c runs each (load average $(cut -d' ' -f1 /proc/loadavg))"
dotnet "$data_bench_dll" run "$data" "$data_1m" data/flights/schema.json "$data_bench_json" --runs "$runs_c" \
  2>&1 | tee "$logs/data-bench.log" || say "(c) FAILED: see $logs/data-bench.log"

# ---- Report ----------------------------------------------------------------------------------------
bench_seconds=$(awk -v a="$bench_start" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.0f", b - a }')
python3 bench/report.py \
  --samples "$samples" --results "$results" --day "$day" --root "$root" \
  --data "$data" --data-note "$data_note" --rows "$rows" --runs-a "$runs_a" --runs-b "$runs_b" \
  --bare-load "$bare_load" --noop-flags "${noop_flags[*]}" --bench-seconds "$bench_seconds" --run-at "$run_at" \
  --data-bench "$data_bench_json"
