#!/usr/bin/env bash
# Serving throughput (issue 10, docs/serving.md), recorded in bench/results/<date>-runtime.md (+ .json):
#   single-thread predictions/s through MLOps.Runtime (ModelHost, ModelService) vs a raw ML.NET PredictionEngine on the
#   same model and rows, in the same process                                           goal: runtime / raw >= 0.95
#   ModelService with the prediction log on (every call logged) vs off                goal: cost <= 10%
#   2 threads through one ModelService (and 2 raw engines, for scale)                 (figure stated)
# The FlightDelay model as models/FlightDelay/model.yaml trains it (LightGbm 31 leaves x 100 iterations) on the first
# 60,000 rows of data/flights/flights.csv; scored: the next 10,000 rows, 3 passes per run, series interleaved, medians.
# Knobs (environment): BENCH_RUNS_RUNTIME (default 7).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
runs=${BENCH_RUNS_RUNTIME:-7}
work=$root/artifacts/bench/runtime
results=$root/bench/results
day=$(date +%F)
mkdir -p "$work" "$results"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

dotnet build bench/RuntimeBench -c Release -nodeReuse:false -v:q -nologo -clp:NoSummary
load_start=$(cat /proc/loadavg)
dotnet bench/RuntimeBench/bin/Release/net10.0/RuntimeBench.dll data/flights/flights.csv "$work" "$results/$day-runtime.json" "$runs"
load_end=$(cat /proc/loadavg)

python3 - "$results/$day-runtime.json" "$results/$day-runtime.md" "$load_start" "$load_end" "$runs" <<'PY'
import json, platform, subprocess, sys
src, out, load_start, load_end, runs = sys.argv[1:]
r = json.load(open(src))
sh = lambda c: subprocess.run(c, shell=True, capture_output=True, text=True).stdout.strip()
cpu = next((l.split(":", 1)[1].strip() for l in sh("lscpu").splitlines() if l.startswith("Model name")), "?")
mem = round(int(sh("awk '/MemTotal/ {print $2}' /proc/meminfo")) / 1024 / 1024, 1)
osname = next((l.split("=", 1)[1].strip('"') for l in open("/etc/os-release") if l.startswith("PRETTY_NAME=")), platform.system())
commit = sh("git rev-parse --short=12 HEAD")
s = {x["name"]: x["predictions_per_second"] for x in r["series"]}
q = r["ratios"]
met = lambda ok: "met" if ok else "NOT met"
lines = [
    f"# Serving benchmark, {out.split('/')[-1][:10]}: predictions per second through MLOps.Runtime",
    "",
    "`bash bench/runtime.sh`. The FlightDelay model (LightGbm 31 leaves x 100 iterations, as models/FlightDelay/model.yaml) trained",
    f"on the first 60,000 rows of data/flights/flights.csv; scored: the next {r['rows']:,} rows, {r['passes']} passes per run,",
    f"{runs} runs after a warm-up round, the series interleaved (round i starts at series i), medians. All in one process.",
    "",
    f"Machine: {cpu}, {sh('nproc')} cores, {mem} GiB, {osname}; .NET SDK {sh('dotnet --version')}; commit {commit}.",
    f"Load (/proc/loadavg) at the start: `{load_start}`, at the end: `{load_end}` (a shared machine: other sessions built and tested beside the bench).",
    "",
    "| comparison | figure | goal |",
    "|---|---|---|",
    f"| ModelService / raw PredictionEngine, 1 thread | **{q['service_vs_raw']:.3f}** ({met(q['service_vs_raw'] >= 0.95)}) | >= 0.95 |",
    f"| ModelHost / raw PredictionEngine, 1 thread | **{q['host_vs_raw']:.3f}** ({met(q['host_vs_raw'] >= 0.95)}) | >= 0.95 |",
    f"| prediction log on (every call) vs off, ModelService, 1 thread: cost | **{q['logging_cost']*100:.1f}%** ({met(q['logging_cost'] <= 0.10)}) | <= 10% |",
    f"| ModelService, 2 threads / 1 thread | {q['service_2_threads_vs_1']:.2f} | (stated) |",
    f"| raw PredictionEngine, 2 threads (one engine each) / 1 thread | {q['raw_2_threads_vs_1']:.2f} | (for scale) |",
    f"| per CPU second of the process: ModelService / raw, 1 thread | {q['service_vs_raw_cpu']:.3f} | (check) |",
    f"| per CPU second of the process: log on vs off, cost (the writer's thread included) | {q['logging_cost_cpu']*100:.1f}% | (check) |",
    "",
    "| series | predictions/s (median) | per CPU second | run times (s) |",
    "|---|---|---|---|",
] + [f"| {x['name']} | {x['predictions_per_second']:,.0f} | {x['predictions_per_cpu_second']:,.0f} | {', '.join(f'{t:.3f}' for t in x['seconds'])} |" for x in r["series"]] + [
    "",
    f"Prediction log during the bench: {r['log']['written']:,} records written, {r['log']['dropped']:,} dropped, {r['log']['files']} files;",
    f"after each logged run the writer needed a median {r['log']['drain_seconds_median']*1000:.0f} ms more to catch up (off the request path,",
    "not in the figure above). With 2 cores shared by other sessions, the writer thread competes with them, not only with the callers.",
]
open(out, "w").write("\n".join(lines) + "\n")
print("\n".join(lines))
PY
