#!/usr/bin/env bash
# The benchmarks (bench/README.md): run from anywhere, normally as `./build.sh --target=Bench`, which first makes
# the MLOps packages (artifacts/packages) every model here builds on.
#   (a) cold `dotnet build` of the FlightDelay model on the big flights CSV vs bench/BareMLNet (--load=stream, and
#       (a') --load=cache: ML.NET's own cache)
#   (b) no-op `dotnet build` of models/FlightDelay vs an empty class library
#   (c) data: validate + profile vs ML.NET loading the CSV, peak memory 1M vs all rows, fingerprint vs
#       reading the bytes and vs sha256sum (bench/DataBench, one process)
#   (d) a no-op ./build.sh of a repository made by `dotnet new mlops-repo` with six models vs a no-op
#       `dotnet build` of the same six projects
#   (e) a cold build of those six models in one parallel invocation (build/Models.proj) vs the sum of six
#       `dotnet build` one at a time
# Prints the figures and writes bench/results/<date>-pipeline.md and .json.
# Knobs (environment): BENCH_RUNS_A (default 3), BENCH_RUNS_B (default 7), BENCH_BARE_LOAD (default stream),
# BENCH_RUNS_C (default 5), BENCH_RUNS_D (default 5), BENCH_RUNS_E (default 3), BENCH_ITERATIONS_E (default 100),
# BENCH_SECTIONS (default "a b c d e": the sections to run), BENCH_QUIET_WAIT (seconds to wait for the 1-minute
# load average to fall below BENCH_QUIET_LOAD, default 0.7, before starting; default 0: do not wait).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
runs_a=${BENCH_RUNS_A:-3}
runs_b=${BENCH_RUNS_B:-7}
bare_load=${BENCH_BARE_LOAD:-stream}
runs_c=${BENCH_RUNS_C:-5}
runs_d=${BENCH_RUNS_D:-5}
runs_e=${BENCH_RUNS_E:-3}
iterations_e=${BENCH_ITERATIONS_E:-100}
sections=" ${BENCH_SECTIONS:-a b c d e} "
quiet_wait=${BENCH_QUIET_WAIT:-0}
quiet_load=${BENCH_QUIET_LOAD:-0.7}
work=$root/artifacts/bench
logs=$work/logs
results=$root/bench/results
day=$(date +%F)
mkdir -p "$work" "$results"
rm -rf "$logs" && mkdir -p "$logs"
samples=$work/samples.tsv
printf 'series\trun\twall_s\tcpu_s\tmax_rss_kb\tgroup_peak_kb\tload1\texit\tlog\n' > "$samples"
say() { printf '[bench %(%H:%M:%S)T] %s\n' -1 "$*"; }
section() { [[ $sections == *" $1 "* ]]; }
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# Other builds on a shared machine inflate every figure; wait (at most $quiet_wait s) for a quiet moment.
waited=0
while ((waited < quiet_wait)) && awk -v l="$(cut -d' ' -f1 /proc/loadavg)" -v q="$quiet_load" 'BEGIN { exit !(l >= q) }'; do
  ((waited == 0)) && say "waiting up to $quiet_wait s for the 1-minute load ($(cut -d' ' -f1 /proc/loadavg)) to fall below $quiet_load"
  sleep 30; waited=$((waited + 30))
done
loadavg_before=$(cat /proc/loadavg)
say "load average: $loadavg_before (waited $waited s)"
bench_start=$EPOCHREALTIME
run_at=$(date -u +%FT%TZ)

# measure SERIES RUN LOG COMMAND...: runs COMMAND in its own process group, its output (each line
# prefixed with the time it arrived, between a "#start" and an "#end" line) to LOG, and appends to $samples:
# wall seconds (GNU time); CPU seconds, the largest single process's peak RSS and the peak of the group's summed
# RSS, sampled by bench/sample.py over every process of the group (MSBuild's task hosts included: GNU time misses
# them, the build never waits for them); the 1-minute load average before the run; the exit code.
measure() {
  local series=$1 run=$2 log=$3 tf sf load1
  shift 3
  tf=$(mktemp) sf=$(mktemp)
  load1=$(cut -d' ' -f1 /proc/loadavg)
  setsid bash -c 'set -o pipefail; out=$1; shift; { echo "#start"; /usr/bin/time -f "%e" -o "$out" "$@" 2>&1; rc=$?; echo "#end"; exit $rc; } |
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
# The models build on the MLOps.Sdk package (version in global.json) that ./build.sh --target=Packages made.
version=$(sed -n 's/.*"MLOps.Sdk"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p' global.json)
packages=$root/artifacts/packages
for id in MLOps.Sdk MLOps.Runtime MLOps.Cli MLOps.Templates; do
  [[ -f $packages/$id.$version.nupkg ]] || { echo "bench: $packages/$id.$version.nupkg is missing; run ./build.sh --target=Packages" >&2; exit 2; }
done
# NuGet caches a package by id and version forever, and other checkouts on this machine pack MLOps.* $version
# too (and remove a cached copy that differs from theirs). The bench restores into its own packages folder, seeded
# with hard links to the user's (no download), and extracts MLOps.* afresh from artifacts/packages every run.
export NUGET_PACKAGES=$work/nuget-packages
if [[ ! -d $NUGET_PACKAGES ]]; then
  mkdir -p "$NUGET_PACKAGES"
  cp -al "$HOME/.nuget/packages/." "$NUGET_PACKAGES/" 2>/dev/null || cp -a "$HOME/.nuget/packages/." "$NUGET_PACKAGES/" || true
fi
rm -rf "$NUGET_PACKAGES"/mlops.*
# `dotnet tool restore` records where each local tool is in a cache under the CLI home (~/.dotnet/toolResolverCache),
# keyed by id and version only: another checkout's restore of mlops.cli $version into its own packages folder would
# point `dotnet tool run mlops` there (and break it when that folder goes). The bench's CLI home is its own.
export DOTNET_CLI_HOME=$work/cli-home
# nuget.config for a project outside models/: MLOps.* from artifacts/packages, as models/nuget.config says.
write_nuget_config() {
  cat > "$1/nuget.config" <<EOF
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="mlops-build" value="$packages" />
  </packageSources>
  <packageSourceMapping>
    <packageSource key="mlops-build">
      <package pattern="MLOps.*" />
    </packageSource>
    <packageSource key="nuget.org">
      <package pattern="*" />
    </packageSource>
  </packageSourceMapping>
</configuration>
EOF
}

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

say "building bench/BareMLNet and bench/DataBench"
build_flags=(-c Release -nodeReuse:false -v:q -nologo -clp:NoSummary)
dotnet build bench/BareMLNet "${build_flags[@]}"
dotnet build bench/DataBench "${build_flags[@]}"
bare_dll=$root/bench/BareMLNet/bin/Release/net10.0/BareMLNet.dll
data_bench_dll=$root/bench/DataBench/bin/Release/net10.0/DataBench.dll

# The pipeline's model project: the FlightDelay project and spec on MLOps.Sdk (the root global.json names its
# version), wired as models/ are: a nuget.config taking MLOps.* from artifacts/packages and a Directory.Build.props
# importing models/Directory.Build.props; data.path at the big CSV and the repo's schema.
model=$work/model
rm -rf "$model" && mkdir -p "$model"
printf '<Project>\n  <Import Project="%s/models/Directory.Build.props" />\n</Project>\n' "$root" > "$model/Directory.Build.props"
write_nuget_config "$model"
cp models/FlightDelay/FlightDelay.Model.csproj "$model/FlightDelayBench.Model.csproj"
sed -e "s|^  path: .*|  path: $data|" -e "s|^  schema: .*|  schema: $root/data/flights/schema.json|" \
  models/FlightDelay/model.yaml > "$model/model.yaml"
grep -q "^  path: $data\$" "$model/model.yaml" || { echo "bench: could not point $model/model.yaml at $data" >&2; exit 2; }
# Restores MLOps.Sdk and MLOps.Runtime into the bench's packages folder once, so no timed run extracts them.
dotnet restore "$model" -v:q -nologo

# ---- (a) cold pipeline build vs bare ML.NET, interleaved (order rotates) --------------------------
# The run cache is off (-p:MLOpsRunCache=): a cold build must train, not restore the last run's model.
run_pipeline() {
  rm -rf "$model/obj" "$model/bin"
  measure pipeline "$1" "$logs/pipeline-$1.log" dotnet build "$model" -c Release -nodeReuse:false \
    -p:MLOpsRunCache= -clp:PerformanceSummary
  grep -q "trained LightGbm" "$logs/pipeline-$1.log" || { echo "bench: pipeline run $1 did not train; see $logs/pipeline-$1.log" >&2; exit 2; }
}
run_bare() {
  rm -f "$work/bare-model.zip"
  measure bare "$1" "$logs/bare-$1.log" dotnet "$bare_dll" "$data" "$model/model.yaml" "$work/bare-model.zip" "--load=$bare_load"
}
run_bare_cache() {
  rm -f "$work/bare-model.zip"
  measure bare-cache "$1" "$logs/bare-cache-$1.log" dotnet "$bare_dll" "$data" "$model/model.yaml" "$work/bare-model.zip" --load=cache
}
if section a; then
  say "(a) $runs_a cold pipeline builds, $runs_a bare ML.NET runs (--load=$bare_load) and $runs_a with --load=cache, on $rows rows"
  for ((i = 1; i <= runs_a; i++)); do
    order=(run_pipeline run_bare run_bare_cache)
    for ((k = 0; k < 3; k++)); do "${order[(k + i - 1) % 3]}" "$i"; done
  done
fi

# ---- (b) no-op builds: models/FlightDelay vs an empty class library --------------------------------
empty=$work/empty
if [[ ! -f $empty/Empty.csproj ]]; then
  rm -rf "$empty"
  dotnet new classlib -o "$empty" -n Empty > /dev/null
fi
# The empty library again with the model's one package reference (MLOps.Runtime, which MLOps.Sdk adds) and
# nothing else: separates the cost of the reference from the cost of the MLOps targets.
empty_runtime=$work/empty-runtime
rm -rf "$empty_runtime" && mkdir -p "$empty_runtime"
cp "$empty/Class1.cs" "$empty_runtime/"
write_nuget_config "$empty_runtime"
printf '%s\n' '<Project Sdk="Microsoft.NET.Sdk">' '  <ItemGroup>' \
  "    <PackageReference Include=\"MLOps.Runtime\" VersionOverride=\"$version\" />" '  </ItemGroup>' '</Project>' > "$empty_runtime/EmptyRuntime.csproj"
noop_flags=(-c Release --no-restore -nodeReuse:false)
if section b; then
  say "(b) first builds (not timed)"
  dotnet build "$empty" "${build_flags[@]}"
  dotnet build "$empty_runtime" "${build_flags[@]}"
  dotnet build models/FlightDelay "${build_flags[@]}"
  # One more no-op of the model with a performance summary, to show where its time goes (not timed).
  dotnet build models/FlightDelay "${noop_flags[@]}" -clp:PerformanceSummary > "$logs/noop-model-summary.log" 2>&1
  say "(b) $runs_b no-op builds each: dotnet build <project> ${noop_flags[*]}"
  for ((i = 1; i <= runs_b; i++)); do
    first=(noop-model models/FlightDelay) second=(noop-empty "$empty")
    if ! ((i % 2)); then first=(noop-empty "$empty") second=(noop-model models/FlightDelay); fi
    measure "${first[0]}" "$i" "$logs/${first[0]}-$i.log" dotnet build "${first[1]}" "${noop_flags[@]}"
    measure "${second[0]}" "$i" "$logs/${second[0]}-$i.log" dotnet build "${second[1]}" "${noop_flags[@]}"
    # Information only: the empty library with the model's package reference.
    measure noop-empty-runtime "$i" "$logs/noop-empty-runtime-$i.log" dotnet build "$empty_runtime" "${noop_flags[@]}"
  done
fi

# ---- (c) data: validate + profile vs ML.NET, peak memory 1M vs all rows, fingerprints ---------------
# One process times every comparison (warm-up, interleaved runs, medians); memory is measured in fresh
# child processes it starts. Its figures go to $data_bench_json for bench/report.py. A failure here is
# reported and leaves the others to be written.
data_bench_json=$work/data-bench.json
rm -f "$data_bench_json"
if section c; then
  say "(c) data benchmarks on $rows rows, $runs_c runs each (load average $(cut -d' ' -f1 /proc/loadavg))"
  dotnet "$data_bench_dll" run "$data" "$data_1m" data/flights/schema.json "$data_bench_json" --runs "$runs_c" \
    2>&1 | tee "$logs/data-bench.log" || say "(c) FAILED: see $logs/data-bench.log"
fi

# ---- (d), (e): a repository made by `dotnet new mlops-repo`, with six models ---------------------------
# The template from artifacts/packages (installed into a throwaway hive, not the user's), a nuget.config that takes
# MLOps.* (the SDK, the runtime, the mlops tool) from artifacts/packages, and an empty Directory.Packages.props so
# this repository's central package management does not reach the one under artifacts/. Models: the demo model
# (models/FlightDelay as it is) and five more on the same demo data, Delay1..Delay5, each with its own name, trainer
# seed 42+k and NumberOfIterations $iterations_e (the demo model has 100).
repo=$work/repo
if section d || section e; then
  say "(d, e) making $repo with dotnet new mlops-repo and six models"
  rm -rf "$repo" "$work/hive"
  dotnet new install "$packages/MLOps.Templates.$version.nupkg" --debug:custom-hive "$work/hive" > "$logs/template-install.log"
  dotnet new mlops-repo --debug:custom-hive "$work/hive" -o "$repo" > "$logs/template-repo.log"
  chmod +x "$repo/build.sh"
  write_nuget_config "$repo"
  echo '<Project />' > "$repo/Directory.Packages.props"
  mkdir -p "$repo/data" "$repo/models/FlightDelay"
  cp -r data/flights "$repo/data/"
  cp models/FlightDelay/FlightDelay.Model.csproj models/FlightDelay/model.yaml "$repo/models/FlightDelay/"
  for k in 1 2 3 4 5; do
    mkdir -p "$repo/models/Delay$k"
    sed "s|FlightDelay.Model|Delay$k.Model|" models/FlightDelay/FlightDelay.Model.csproj > "$repo/models/Delay$k/Delay$k.Model.csproj"
    sed -e "s|^name: .*|name: Delay$k|" -e "0,/^  seed: 42\$/s//  seed: $((42 + k))/" \
      -e "s|NumberOfIterations: .*|NumberOfIterations: $iterations_e|" models/FlightDelay/model.yaml > "$repo/models/Delay$k/model.yaml"
    grep -q "^  seed: $((42 + k))\$" "$repo/models/Delay$k/model.yaml" || { echo "bench: could not set the seed of Delay$k" >&2; exit 2; }
  done
  model_projects=("$repo"/models/*/*.csproj)
  (cd "$repo" && dotnet new sln -n Models > /dev/null && dotnet sln add "${model_projects[@]}" > /dev/null)
  sln=$(ls "$repo"/Models.sln*)
  say "(d, e) first ./build.sh there (not timed): every model trained, packed and published"
  (cd "$repo" && ./build.sh) > "$logs/repo-first-build.log" 2>&1 || { echo "bench: the first ./build.sh in $repo failed; see $logs/repo-first-build.log" >&2; exit 2; }
fi

# ---- (d) no-op ./build.sh vs a no-op dotnet build of the same six projects -----------------------
sln_flags=(-c Release --no-restore -nodeReuse:false -m)
if section d; then
  say "(d) warm-up (not timed): one no-op ./build.sh, one no-op dotnet build of $sln"
  (cd "$repo" && ./build.sh) > "$logs/noop-buildsh-warmup.log" 2>&1
  dotnet build "$sln" "${sln_flags[@]}" > "$logs/noop-sln-warmup.log" 2>&1
  say "(d) $runs_d runs each, interleaved: (cd $repo && ./build.sh) and dotnet build $sln ${sln_flags[*]}"
  for ((i = 1; i <= runs_d; i++)); do
    if ((i % 2)); then
      measure noop-buildsh "$i" "$logs/noop-buildsh-$i.log" bash -c 'cd "$1" && ./build.sh' bash "$repo"
      measure noop-sln "$i" "$logs/noop-sln-$i.log" dotnet build "$sln" "${sln_flags[@]}"
    else
      measure noop-sln "$i" "$logs/noop-sln-$i.log" dotnet build "$sln" "${sln_flags[@]}"
      measure noop-buildsh "$i" "$logs/noop-buildsh-$i.log" bash -c 'cd "$1" && ./build.sh' bash "$repo"
    fi
  done
  # Where a no-op ./build.sh spends its time (not timed): the same run with MSBuild's performance summary
  # (Directory.Build.rsp), its lines stamped as they arrive; and its MSBuild part alone.
  echo '-clp:PerformanceSummary' > "$repo/Directory.Build.rsp"
  measure breakdown-buildsh 1 "$logs/noop-buildsh-summary.log" bash -c 'cd "$1" && ./build.sh' bash "$repo"
  rm -f "$repo/Directory.Build.rsp"
fi

# ---- (e) cold build of the six models: one parallel invocation vs one at a time ----------------------
# Cold: obj/ and bin/ removed and the run cache off, so every model restores, validates, trains, evaluates and
# gates. Both include restore.
clean_models() { rm -rf "$repo"/models/*/obj "$repo"/models/*/bin; }
check_trained() {
  local n
  n=$(grep -c "trained LightGbm" "$1" || true)
  ((n == 6)) || { echo "bench: $1 trained $n models, not 6" >&2; exit 2; }
}
run_parallel() {
  clean_models
  measure cold-parallel "$1" "$logs/cold-parallel-$1.log" dotnet msbuild "$repo/build/Models.proj" -restore -m -t:Build \
    -p:Configuration=Release -p:MLOpsRunCache= -nodeReuse:false
  check_trained "$logs/cold-parallel-$1.log"
}
run_sequential() {
  clean_models
  measure cold-sequential "$1" "$logs/cold-sequential-$1.log" bash -c \
    'for p; do dotnet build "$p" -c Release -nodeReuse:false -p:MLOpsRunCache= || exit 1; done' bash "${model_projects[@]}"
  check_trained "$logs/cold-sequential-$1.log"
}
if section e; then
  say "(e) $runs_e runs each, interleaved: cold build of six models, one parallel invocation vs one at a time"
  for ((i = 1; i <= runs_e; i++)); do
    if ((i % 2)); then run_parallel "$i"; run_sequential "$i"; else run_sequential "$i"; run_parallel "$i"; fi
  done
fi

# ---- Report ----------------------------------------------------------------------------------------
loadavg_after=$(cat /proc/loadavg)
bench_seconds=$(awk -v a="$bench_start" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.0f", b - a }')
python3 bench/report.py \
  --samples "$samples" --results "$results" --day "$day" --root "$root" \
  --data "$data" --data-note "$data_note" --rows "$rows" --runs-a "$runs_a" --runs-b "$runs_b" \
  --runs-d "$runs_d" --runs-e "$runs_e" --iterations-e "$iterations_e" --sections "$sections" \
  --loadavg-before "$loadavg_before" --loadavg-after "$loadavg_after" --quiet-waited "$waited" \
  --bare-load "$bare_load" --noop-flags "${noop_flags[*]}" --sln-flags "${sln_flags[*]}" \
  --bench-seconds "$bench_seconds" --run-at "$run_at" --data-bench "$data_bench_json"
