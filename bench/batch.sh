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

python3 - "$samples" "$results/$day-batch.md" "$rows" "$data" "$loadavg_before" "$loadavg_after" "$(lscpu | sed -n 's/^Model name: *//p')" "$(nproc)" "$(free -g | awk '/^Mem:/ {print $2}')" "$(dotnet --version)" <<'EOF'
import csv, statistics, sys
samples, out, rows, data, before, after, cpu, cores, mem, sdk = sys.argv[1:]
runs = list(csv.DictReader(open(samples), delimiter="\t"))
def series(name, key): return [float(r[key]) for r in runs if r["series"] == name]
m, b = statistics.median(series("mlops", "wall_s")), statistics.median(series("bare", "wall_s"))
lines = [
    "# Batch scoring: `mlops predict` vs a bare ML.NET program",
    "",
    f"Data: `{data}`, {int(rows):,} rows (Parquet). Model: FlightDelay (LightGbm, 100 trees) from `mlops train models/FlightDelay`.",
    f"Machine: {cpu}, {cores} cores, {mem} GB RAM, .NET SDK {sdk}; shared with other work: load average before `{before}`, after `{after}`.",
    "",
    "- mlops: `dotnet mlops.dll predict --model <folder> --data <parquet> -o mlops.csv`: load and verify the model (sha256 against",
    "  lineage), validate every row against schema.json in the serving environment, stream the rows (StreamingTableView) through",
    "  the runtime's LoadedModel, write the CSV under a temporary name and move it into place.",
    "- bare: `dotnet BareScoring.dll <parquet> model.zip bare.csv`: Parquet.Net row groups into a lazy IEnumerable, LoadFromEnumerable,",
    "  Transform, a cursor writing the same three columns in the same format. No verification, no validation.",
    "- Both outputs are byte-identical (checked after every run).",
    "",
    "| run | mlops wall s | bare wall s | mlops / bare | load (mlops, bare) |",
    "|---|---|---|---|---|",
]
for r in sorted({x["run"] for x in runs}, key=int):
    mr = next(x for x in runs if x["run"] == r and x["series"] == "mlops")
    br = next(x for x in runs if x["run"] == r and x["series"] == "bare")
    lines.append(f"| {r} | {float(mr['wall_s']):.1f} | {float(br['wall_s']):.1f} | {float(mr['wall_s']) / float(br['wall_s']):.3f} | {mr['load1']}, {br['load1']} |")
lines += [
    "",
    f"Median wall time: mlops {m:.1f} s, bare {b:.1f} s. **mlops / bare = {m / b:.3f}** (goal <= 1.1).",
    f"Median CPU (user+sys): mlops {statistics.median([u + s for u, s in zip(series('mlops', 'user_s'), series('mlops', 'sys_s'))]):.1f} s, "
    f"bare {statistics.median([u + s for u, s in zip(series('bare', 'user_s'), series('bare', 'sys_s'))]):.1f} s. "
    f"Peak memory (max RSS): mlops {statistics.median(series('mlops', 'max_rss_kb')) / 1024:.0f} MB, bare {statistics.median(series('bare', 'max_rss_kb')) / 1024:.0f} MB.",
]
open(out, "w").write("\n".join(lines) + "\n")
print("\n".join(lines))
EOF
