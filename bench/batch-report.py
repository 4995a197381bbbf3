"""Writes bench/results/<date>-batch.md from bench/batch.sh's samples (one line per timed process)."""
import csv
import statistics
import sys

samples, out, rows, data, before, after, cpu, cores, mem, sdk = sys.argv[1:]
runs = list(csv.DictReader(open(samples), delimiter="\t"))


def value(r, key):
    return float(r["user_s"]) + float(r["sys_s"]) if key == "cpu" else float(r[key])


def series(name, key):
    return [value(r, key) for r in runs if r["series"] == name]


wall_m, wall_b = statistics.median(series("mlops", "wall_s")), statistics.median(series("bare", "wall_s"))
cpu_m, cpu_b = statistics.median(series("mlops", "cpu")), statistics.median(series("bare", "cpu"))
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
    "- Both outputs are byte-identical (checked after every run). Both runs are single-threaded scoring; on a machine",
    "  shared with other work, wall time follows the load more than the program, so CPU time (user + sys) is the steadier figure.",
    "",
    "| run | mlops wall s | bare wall s | wall ratio | mlops CPU s | bare CPU s | CPU ratio | load (mlops, bare) |",
    "|---|---|---|---|---|---|---|---|",
]
for r in sorted({x["run"] for x in runs}, key=int):
    m = next(x for x in runs if x["run"] == r and x["series"] == "mlops")
    b = next(x for x in runs if x["run"] == r and x["series"] == "bare")
    lines.append(
        f"| {r} | {value(m, 'wall_s'):.1f} | {value(b, 'wall_s'):.1f} | {value(m, 'wall_s') / value(b, 'wall_s'):.3f} "
        f"| {value(m, 'cpu'):.1f} | {value(b, 'cpu'):.1f} | {value(m, 'cpu') / value(b, 'cpu'):.3f} | {m['load1']}, {b['load1']} |")
lines += [
    "",
    f"Medians: wall mlops {wall_m:.1f} s, bare {wall_b:.1f} s (**{wall_m / wall_b:.3f}**); "
    f"CPU mlops {cpu_m:.1f} s, bare {cpu_b:.1f} s (**{cpu_m / cpu_b:.3f}**). Goal: mlops / bare <= 1.1.",
    f"Peak memory (max RSS, median): mlops {statistics.median(series('mlops', 'max_rss_kb')) / 1024:.0f} MB, "
    f"bare {statistics.median(series('bare', 'max_rss_kb')) / 1024:.0f} MB.",
]
open(out, "w").write("\n".join(lines) + "\n")
print("\n".join(lines))
