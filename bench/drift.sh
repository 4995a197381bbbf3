#!/usr/bin/env bash
# The drift bench (issue 10, docs/monitoring.md "Drift statistics"), recorded in bench/results/<date>-drift.md:
#   1,000,000 current rows x every column of the flights data (date as hour/day of week/month, delay, distance,
#   origin, destination) against a 1,000,000-row reference, every statistic of the drift engine (KS, normed
#   Wasserstein, Jensen-Shannon, PSI, chi-square) vs scipy/numpy computing the same statistics on the same arrays
#   (bench/drift.py), medians of BENCH_DRIFT_RUNS runs (default 5) after a warm-up; and the time from the profile
#   alone (the reference's drift-reference.json, no raw reference rows). The values are checked against scipy's.
# Data: ../shared/data/flights-3m.parquet (rows [0, 1M) = reference, the last 1M = current).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
runs=${BENCH_DRIFT_RUNS:-5}
data=${BENCH_DRIFT_DATA:-$root/../shared/data/flights-3m.parquet}
work=$root/artifacts/bench/drift
results=$root/bench/results
day=$(date +%F)
mkdir -p "$work" "$results"
say() { printf '[bench %(%H:%M:%S)T] %s\n' -1 "$*"; }
[[ -f $data ]] || { echo "bench: $data is missing (the flights data is read from ../shared/data)" >&2; exit 2; }
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

say "building bench/DriftBench (Release)"
dotnet build bench/DriftBench -c Release -nodeReuse:false -v:q -nologo -clp:NoSummary
load_before=$(uptime)
say "ours: $runs runs"
dotnet bench/DriftBench/bin/Release/net10.0/DriftBench.dll "$data" data/flights/schema.json "$work" --runs "$runs" > "$work/ours.json"
say "scipy/numpy: $runs runs"
/usr/bin/python3 bench/drift.py "$work" "$runs" > "$work/scipy.json"
load_after=$(uptime)

/usr/bin/python3 - "$work/ours.json" "$work/scipy.json" "$results/$day-drift.md" "$load_before" "$load_after" <<'PY'
import json, platform, subprocess, sys
ours, theirs, out, load_before, load_after = json.load(open(sys.argv[1])), json.load(open(sys.argv[2])), sys.argv[3], sys.argv[4], sys.argv[5]
t = ours["timing"]
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.processor())
mem = next((l.split()[1] for l in open("/proc/meminfo") if l.startswith("MemTotal")), "?")
dotnet = subprocess.run(["dotnet", "--version"], capture_output=True, text=True).stdout.strip()
scipy_s = theirs["median_s"]

def close(a, b):
    return abs(a - b) <= 1e-9 * max(1.0, abs(b))

rows, mismatches = [], 0
for column in ours["report"]["columns"]:
    name, s = column["name"], column["statistics"]
    expected = theirs["columns"][name]
    pairs = []
    if s.get("ks"):
        pairs += [("ks", s["ks"]["statistic"], expected["ks"][0]), ("ks p", s["ks"]["p_value"], expected["ks"][1])]
    for key in ("wasserstein", "jensenshannon", "psi"):
        if s.get(key) is not None:
            pairs.append((key, s[key], expected[key]))
    pairs += [("chi2", s["chisquare"]["statistic"], expected["chisquare"][0]), ("chi2 p", s["chisquare"]["p_value"], expected["chisquare"][1])]
    bad = [f"{k}: ours {a!r}, scipy {b!r}" for k, a, b in pairs if not close(a, b)]
    mismatches += len(bad)
    rows.append(f"| {name} | {column['method']} | {column['value']:.4g} | {'yes' if column['drifted'] else 'no'} | {len(pairs) - len(bad)}/{len(pairs)} | {'; '.join(bad)} |")

lines = [
    f"# Drift bench ({out.split('/')[-1][:10]})", "",
    "`bash bench/drift.sh`: every drift statistic (KS, normed Wasserstein, Jensen-Shannon, PSI, chi-square) for every column of the",
    "flights data (date as hour, day of week and month; delay; distance; origin; destination), 1,000,000 current rows (the file's last",
    "1M rows) against a 1,000,000-row reference (its first 1M), ours vs scipy/numpy on the same arrays (bench/drift.py). Medians of",
    f"{len(theirs['runs_s'])} runs after a warm-up.", "",
    f"- Machine: {cpu}, {platform.machine()}, {int(mem) // 1024} MB RAM, .NET SDK {dotnet}, numpy {theirs['versions']['numpy']}, scipy {theirs['versions']['scipy']}.",
    f"- Load (uptime) before: `{load_before.strip()}`", f"- Load (uptime) after: `{load_after.strip()}`",
    "- 2 cores shared with other work: the load above says how busy; both sides ran in turn under the same load.", "",
    "| workload | median (s) | vs scipy/numpy |", "|---|---|---|",
    f"| scipy/numpy: all statistics from the raw arrays | {scipy_s:.3f} | 1 |",
    f"| ours from raw rows: summarise both sides (sort once per column) + compare | {t['raw']['median_s']:.3f} | {t['raw']['median_s'] / scipy_s:.3f} |",
    f"| ours from the profile: load drift-reference.json ({ours['reference_json_bytes'] / 1e3:.0f} kB) + summarise current + compare | {t['profile']['median_s']:.3f} | {t['profile']['median_s'] / scipy_s:.3f} |",
    f"| (part) summarise the 1M current rows | {t['summarise_current']['median_s']:.3f} | |",
    f"| (part) load drift-reference.json | {t['load_reference_json']['median_s']:.3f} | |",
    f"| (part) compare two summaries: every statistic, every column | {t['compare_only']['median_s']:.3f} | |", "",
    f"Goal: faster than scipy/numpy. Ratio (ours from raw rows / scipy): **{t['raw']['median_s'] / scipy_s:.2f}**; from the profile: **{t['profile']['median_s'] / scipy_s:.2f}**.", "",
    f"Values against scipy (equal to 1e-9, absolute up to 1, relative above): {'all equal' if mismatches == 0 else f'{mismatches} differ'}.", "",
    "| column | method | value | drifted | equal to scipy | differences |", "|---|---|---|---|---|---|", *rows, "",
]
open(out, "w").write("\n".join(lines))
print("\n".join(lines))
PY
