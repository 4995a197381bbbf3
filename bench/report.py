"""Turns the samples and logs bench/run.sh collected into bench/results/<day>-pipeline.{md,json}.

Standard library only (Debian's python3). Run by bench/run.sh; see bench/README.md for what the figures mean.
"""
import argparse
import csv
import json
import platform
import re
import statistics
import subprocess
from pathlib import Path

GOAL_PIPELINE = 1.25
GOAL_NOOP = 1.3
GOAL_NOOP_BUILDSH = 1.5
GOAL_PARALLEL = 0.7
PIPELINE_TARGETS = ["Restore", "_GenerateRestoreProjectPathWalk", "CoreCompile", "_MLOpsGenerateApiCore",
                    "_MLOpsValidateCore", "_MLOpsTrainCore", "_MLOpsEvaluateCore", "_MLOpsGateCore"]


def sh(*cmd: str) -> str:
    try:
        return subprocess.run(cmd, capture_output=True, text=True, check=False).stdout.strip()
    except OSError:
        return ""


def machine(root: str) -> dict:
    lscpu = dict(line.split(":", 1) for line in sh("lscpu").splitlines() if ":" in line)
    meminfo = Path("/proc/meminfo").read_text().split()
    os_release = dict(line.split("=", 1) for line in Path("/etc/os-release").read_text().splitlines() if "=" in line)
    packages = Path(root, "Directory.Packages.props").read_text()
    mlnet = re.search(r'Include="Microsoft\.ML" Version="([^"]+)"', packages)
    return {
        "cpu": lscpu.get("Model name", "").strip(),
        "cores": int(sh("nproc") or 0),
        "memory_gib": round(int(meminfo[1]) / 1024 / 1024, 1),
        "os": os_release.get("PRETTY_NAME", "").strip('"') + f" (kernel {platform.release()})",
        "dotnet_sdk": sh("dotnet", "--version"),
        "mlnet": mlnet.group(1) if mlnet else "unknown",
        "git_commit": sh("git", "-C", root, "rev-parse", "HEAD"),
        "git_dirty": bool(sh("git", "-C", root, "status", "--porcelain", "--untracked-files=no")),
        "date": sh("date", "-u", "+%Y-%m-%dT%H:%M:%SZ"),
    }


def lines(log: str):
    """(arrival time, text) for each line of a log written by bench/run.sh's measure()."""
    for raw in Path(log).read_text(errors="replace").splitlines():
        stamp, _, text = raw.partition(" ")
        try:
            yield float(stamp), text
        except ValueError:
            continue


def pipeline_steps(log: str) -> dict:
    steps: dict = {}
    section = None
    marks: dict = {}
    for t, text in lines(log):
        if "Performance Summary:" in text:
            section = text.strip().split()[0]
            continue
        m = re.match(r"\s*(\d+) ms\s+(\S+)\s+\d+ calls", text)
        if section == "Target" and m and m.group(2) in PIPELINE_TARGETS:
            steps[m.group(2) + "_s"] = int(m.group(1)) / 1000
        for key, pattern in [("validating", r": validating "), ("loading", r": loading "),
                             ("training", r": training "), ("trained", r": trained "), ("evaluated", r": auc ")]:
            if re.search(pattern, text) and key not in marks:
                marks[key] = t
        m = re.search(r": auc ([\d.]+), accuracy ([\d.]+)", text)
        if m:
            steps["auc"], steps["accuracy"] = float(m.group(1)), float(m.group(2))
        m = re.search(r"trained \S+ on ([\d,]+) rows in ([\d.]+) s", text)
        if m:
            steps["train_rows"] = int(m.group(1).replace(",", ""))
            steps["train_task_s"] = float(m.group(2))
    if {"loading", "training", "trained"} <= marks.keys():
        steps["train_load_csv_s"] = round(marks["training"] - marks["loading"], 2)
        steps["train_fit_save_s"] = round(marks["trained"] - marks["training"], 2)
    return steps


def bare_steps(log: str) -> dict:
    for _, text in lines(log):
        m = re.search(r"load ([\d.]+) s, fit ([\d.]+) s, evaluate ([\d.]+) s, save ([\d.]+) s; auc ([\d.]+), accuracy ([\d.]+)", text)
        if m:
            keys = ["load_s", "fit_s", "evaluate_s", "save_s", "auc", "accuracy"]
            return dict(zip(keys, map(float, m.groups())))
    return {}


def cold_steps(log: str) -> dict:
    """(e): how many models trained, and for one-at-a-time runs each build's own "Time Elapsed"."""
    trained, elapsed = 0, []
    for _, text in lines(log):
        if re.search(r": trained \S+ on ", text):
            trained += 1
        m = re.search(r"Time Elapsed (\d+):(\d+):([\d.]+)", text)
        if m:
            elapsed.append(round(int(m.group(1)) * 3600 + int(m.group(2)) * 60 + float(m.group(3)), 2))
    return {"models_trained": trained, "build_elapsed_s": elapsed}


def buildsh_breakdown(log: str) -> dict:
    """Where a no-op ./build.sh spends its time, from the arrival times of its lines: dotnet tool restore, Cake
    (start-up and script compilation up to the first task), MSBuild (build/Models.proj), the mlops summary."""
    start = restore_done = task_start = msbuild_done = summary_start = end = None
    previous, last_text = "", None
    for t, text in lines(log):
        if text == "#start":
            start = t
        elif text == "#end":
            end = t
        elif restore_done is None and re.search(r"Restore was successful", text):
            restore_done = t
        elif task_start is None and restore_done and previous.strip()[:1] in ("=", "\u2550") and text.strip() in ("Pipeline", "Build"):
            task_start = t
        elif summary_start is None and task_start and re.match(r"\s*model\s+version\s+outcome", text):
            summary_start, msbuild_done = t, last_text
        if text.strip():
            last_text = t
        previous = text
    out = {}
    if None in (start, restore_done, task_start, end):
        return out
    out["tool_restore_s"] = round(restore_done - start, 2)
    out["cake_startup_s"] = round(task_start - restore_done, 2)
    if msbuild_done and summary_start:
        out["msbuild_s"] = round(msbuild_done - task_start, 2)
        out["summary_and_cake_end_s"] = round(end - msbuild_done, 2)
    out["total_s"] = round(end - start, 2)
    return out


def noop_did_work(log: str) -> bool:
    return any(re.search(r": (validating|training|trained|auc) ", text) for _, text in lines(log))


def summary_top(log: str, section: str, n: int) -> list:
    rows, current = [], None
    for raw in Path(log).read_text(errors="replace").splitlines():
        raw = re.sub(r"^\d+\.\d+ ", "", raw)  # the arrival stamp of a log written by measure()
        if "Performance Summary:" in raw:
            current = raw.strip().split()[0]
            continue
        m = re.match(r"\s*(\d+) ms\s+(.+?)\s+(\d+) calls", raw)
        if current == section and m:
            rows.append((int(m.group(1)), m.group(2)))
    return [{"name": name, "ms": ms} for ms, name in sorted(rows, reverse=True)[:n]]


def breakdown(log: Path, samples: dict) -> dict:
    """(d): the phases of the no-op ./build.sh runs (medians) and MSBuild's top targets and tasks in one more run."""
    runs = samples.get("noop-buildsh", [])
    out = {"phases_median_s": {k: med([r.get(k) for r in runs]) for k in
                               ["tool_restore_s", "cake_startup_s", "msbuild_s", "summary_and_cake_end_s", "total_s"]}}
    if log.exists():
        out["phases_of_summary_run_s"] = buildsh_breakdown(str(log))
        out["msbuild_top_targets"] = summary_top(str(log), "Target", 12)
        out["msbuild_top_tasks"] = summary_top(str(log), "Task", 12)
        out["msbuild_project_evaluation"] = summary_top(str(log), "Project", 3)
    return out


def med(values):
    values = [v for v in values if v is not None]
    return round(statistics.median(values), 3) if values else None


def main() -> None:
    p = argparse.ArgumentParser()
    for name in ["samples", "results", "day", "root", "data", "data-note", "bare-load", "noop-flags", "sln-flags", "sections",
                 "loadavg-before", "loadavg-after"]:
        p.add_argument("--" + name, required=True)
    p.add_argument("--run-at", default="")
    p.add_argument("--data-bench", default="", help="(c): the JSON bench/DataBench wrote; absent or missing means (c) did not run")
    for name in ["rows", "runs-a", "runs-b", "runs-d", "runs-e", "iterations-e", "quiet-waited", "bench-seconds"]:
        p.add_argument("--" + name, type=int, required=True)
    a = p.parse_args()

    samples: dict = {}
    with open(a.samples, newline="") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            s = {"run": int(row["run"]), "wall_s": float(row["wall_s"]), "cpu_s": float(row["cpu_s"]),
                 "max_rss_mb": round(int(row["max_rss_kb"]) / 1024), "group_peak_rss_mb": round(int(row["group_peak_kb"]) / 1024),
                 "load1_before": float(row["load1"]), "exit": int(row["exit"])}
            if row["series"] == "pipeline":
                s.update(pipeline_steps(row["log"]))
            elif row["series"] in ("bare", "bare-cache"):
                s.update(bare_steps(row["log"]))
            elif row["series"].startswith("cold-"):
                s.update(cold_steps(row["log"]))
            elif row["series"] in ("noop-buildsh", "breakdown-buildsh"):
                s.update(buildsh_breakdown(row["log"]))
                s["did_pipeline_work"] = noop_did_work(row["log"])
            else:
                s["did_pipeline_work"] = noop_did_work(row["log"])
            samples.setdefault(row["series"], []).append(s)

    def stats(series: str) -> dict:
        runs = samples.get(series, [])
        keys = [k for k in (runs[0] if runs else {}) if k not in ("run", "exit") and isinstance(runs[0][k], (int, float)) and not isinstance(runs[0][k], bool)]
        out = {"runs": len(runs), "failed_runs": sum(r["exit"] != 0 for r in runs)}
        out.update({"median_" + k: med([r.get(k) for r in runs]) for k in keys})
        return out

    medians = {name: stats(name) for name in ["pipeline", "bare", "bare-cache", "noop-model", "noop-empty", "noop-empty-runtime",
                                              "noop-buildsh", "noop-sln", "cold-parallel", "cold-sequential"]}

    def ratio(x: str, y: str, key: str = "median_wall_s"):
        top, bottom = medians[x].get(key), medians[y].get(key)
        return round(top / bottom, 3) if top and bottom else None

    def ratio_of_minimums(x: str, y: str):
        # Other processes only ever add time, so the fastest run of each is the least disturbed one.
        top, bottom = (min((r["wall_s"] for r in samples.get(s, [])), default=None) for s in (x, y))
        return round(top / bottom, 3) if top and bottom else None

    def paired(x: str, y: str):
        # Run i of x and run i of y ran back to back, under about the same load.
        ys = {r["run"]: r["wall_s"] for r in samples.get(y, [])}
        return [round(r["wall_s"] / ys[r["run"]], 3) for r in samples.get(x, []) if ys.get(r["run"])]

    summary = {
        "pipeline_vs_bare": {"ratio_wall": ratio("pipeline", "bare"), "ratio_cpu": ratio("pipeline", "bare", "median_cpu_s"),
                             "ratio_of_minimum_walls": ratio_of_minimums("pipeline", "bare"), "paired_wall_ratios": paired("pipeline", "bare"), "goal": GOAL_PIPELINE},
        "noop_model_vs_empty": {"ratio_wall": ratio("noop-model", "noop-empty"), "ratio_cpu": ratio("noop-model", "noop-empty", "median_cpu_s"),
                                "ratio_of_minimum_walls": ratio_of_minimums("noop-model", "noop-empty"), "paired_wall_ratios": paired("noop-model", "noop-empty"),
                                "ratio_wall_empty_with_runtime_reference": ratio("noop-empty-runtime", "noop-empty"),
                                "ratio_wall_model_vs_empty_with_runtime_reference": ratio("noop-model", "noop-empty-runtime"), "goal": GOAL_NOOP},
        "pipeline_vs_bare_cache": {"ratio_wall": ratio("pipeline", "bare-cache"), "ratio_cpu": ratio("pipeline", "bare-cache", "median_cpu_s"),
                                   "ratio_of_minimum_walls": ratio_of_minimums("pipeline", "bare-cache"),
                                   "paired_wall_ratios": paired("pipeline", "bare-cache"), "goal": GOAL_PIPELINE},
        "noop_buildsh_vs_dotnet_build": {"ratio_wall": ratio("noop-buildsh", "noop-sln"), "ratio_cpu": ratio("noop-buildsh", "noop-sln", "median_cpu_s"),
                                         "ratio_of_minimum_walls": ratio_of_minimums("noop-buildsh", "noop-sln"),
                                         "paired_wall_ratios": paired("noop-buildsh", "noop-sln"), "goal": GOAL_NOOP_BUILDSH},
        "cold_parallel_vs_sequential": {"ratio_wall": ratio("cold-parallel", "cold-sequential"),
                                        "ratio_cpu": ratio("cold-parallel", "cold-sequential", "median_cpu_s"),
                                        "ratio_of_minimum_walls": ratio_of_minimums("cold-parallel", "cold-sequential"),
                                        "paired_wall_ratios": paired("cold-parallel", "cold-sequential"), "goal": GOAL_PARALLEL},
    }
    for v in summary.values():
        v["met"] = v["ratio_wall"] is not None and v["ratio_wall"] <= v["goal"]
    noop_summary = Path(a.samples).parent / "logs" / "noop-model-summary.log"
    report = {
        "machine": dict(machine(a.root), **({"date": a.run_at} if a.run_at else {})),
        "data": {"path": a.data, "rows": a.rows, "note": a.data_note},
        "method": {"sections": a.sections.split(), "runs_a": a.runs_a, "runs_b": a.runs_b, "bare_load_mode": a.bare_load,
                   "noop_flags": a.noop_flags, "runs_d": a.runs_d, "sln_flags": a.sln_flags, "runs_e": a.runs_e,
                   "iterations_e": a.iterations_e, "bench_wall_s": a.bench_seconds},
        "load": {"loadavg_before": a.loadavg_before, "loadavg_after": a.loadavg_after, "waited_for_quiet_s": a.quiet_waited},
        "summary": summary,
        "medians": medians,
        "noop_model_top_targets": summary_top(str(noop_summary), "Target", 8) if noop_summary.exists() else [],
        "noop_buildsh_breakdown": breakdown(Path(a.samples).parent / "logs" / "noop-buildsh-summary.log", samples),
        "samples": samples,
    }
    if a.data_bench and Path(a.data_bench).is_file():
        report["data_benchmarks"] = json.loads(Path(a.data_bench).read_text())
    out = Path(a.results)
    (out / f"{a.day}-pipeline.json").write_text(json.dumps(report, indent=2) + "\n")
    md = markdown(report)
    (out / f"{a.day}-pipeline.md").write_text(md)
    print(md)
    print(f"written: {out / f'{a.day}-pipeline.md'} and .json")


def markdown(r: dict) -> str:
    m, s, md = r["machine"], r["summary"], r["medians"]
    pv, nv = s["pipeline_vs_bare"], s["noop_model_vs_empty"]

    def verdict(v):
        return "met" if v["met"] else "NOT met"

    def table(series: list, cols: list) -> str:
        out = ["| series | run | " + " | ".join(cols) + " |", "|---|---|" + "---|" * len(cols)]
        for name in series:
            for row in r["samples"].get(name, []):
                out.append(f"| {name} | {row['run']} | " + " | ".join(str(row.get(c, "")) for c in cols) + " |")
        return "\n".join(out)

    p, b, bc = md["pipeline"], md["bare"], md["bare-cache"]
    pc, nd, ce = s["pipeline_vs_bare_cache"], s["noop_buildsh_vs_dotnet_build"], s["cold_parallel_vs_sequential"]
    mt, ld = r["method"], r["load"]
    lines = [
        f"# Pipeline benchmark, {m['date'][:10]}",
        "",
        f"Machine: {m['cpu']}, {m['cores']} cores, {m['memory_gib']} GiB, {m['os']}; .NET SDK {m['dotnet_sdk']}, ML.NET {m['mlnet']}; "
        f"commit {m['git_commit'][:12]}{' (working tree had uncommitted changes)' if m['git_dirty'] else ''}; started at {m['date']}.",
        f"Load (/proc/loadavg): before `{ld['loadavg_before']}`, after `{ld['loadavg_after']}`; waited {ld['waited_for_quiet_s']} s for a quiet machine first. "
        "The load includes the bench's own work (LightGBM and MSBuild use both cores); the ratios are of runs interleaved in the same script.",
        f"Data: {r['data']['rows']:,} rows, {r['data']['note']}.",
        f"Method: bench/README.md. Sections run: {' '.join(mt['sections'])}. (a) {mt['runs_a']} runs each, interleaved; bare ML.NET with "
        f"--load={mt['bare_load_mode']}, (a') with --load=cache. (b) {mt['runs_b']} runs each, interleaved, `dotnet build <project> {mt['noop_flags']}`. "
        f"(d) {mt['runs_d']} runs each, interleaved, in a repository made by `dotnet new mlops-repo` with six models; baseline "
        f"`dotnet build Models.slnx {mt['sln_flags']}`. (e) {mt['runs_e']} runs each, interleaved, the same six models (the demo model and "
        f"five copies with NumberOfIterations {mt['iterations_e']}) on the demo data (96,641 rows). Whole bench: {mt['bench_wall_s']} s.",
        "",
        "## Summary (medians)",
        "",
        "| comparison | wall ratio | goal | CPU ratio | numerator wall | denominator wall |",
        "|---|---|---|---|---|---|",
        f"| (a) pipeline / bare ML.NET (--load={mt['bare_load_mode']}) | **{pv['ratio_wall']}** ({verdict(pv)}) | <= {pv['goal']} | {pv['ratio_cpu']} | {p.get('median_wall_s')} s | {b.get('median_wall_s')} s |",
        f"| (a') pipeline / bare ML.NET with ML.NET's cache (--load=cache) | **{pc['ratio_wall']}** ({verdict(pc)}) | <= {pc['goal']} | {pc['ratio_cpu']} | {p.get('median_wall_s')} s | {bc.get('median_wall_s')} s |",
        f"| (b) no-op model / empty library | **{nv['ratio_wall']}** ({verdict(nv)}) | <= {nv['goal']} | {nv['ratio_cpu']} | {md['noop-model'].get('median_wall_s')} s | {md['noop-empty'].get('median_wall_s')} s |",
        f"| (b1) no-op empty library with the model's MLOps.Runtime package reference / empty | {nv['ratio_wall_empty_with_runtime_reference']} | (info) | | {md['noop-empty-runtime'].get('median_wall_s')} s | {md['noop-empty'].get('median_wall_s')} s |",
        f"| (b2) no-op model / empty library with the same package reference | {nv['ratio_wall_model_vs_empty_with_runtime_reference']} | (info) | | {md['noop-model'].get('median_wall_s')} s | {md['noop-empty-runtime'].get('median_wall_s')} s |",
        f"| (d) no-op ./build.sh, six models / no-op dotnet build of the six projects | **{nd['ratio_wall']}** ({verdict(nd)}) | <= {nd['goal']} | {nd['ratio_cpu']} | {md['noop-buildsh'].get('median_wall_s')} s | {md['noop-sln'].get('median_wall_s')} s |",
        f"| (e) cold build of six models, one parallel invocation / sum of six one at a time | **{ce['ratio_wall']}** ({verdict(ce)}) | <= {ce['goal']} | {ce['ratio_cpu']} | {md['cold-parallel'].get('median_wall_s')} s | {md['cold-sequential'].get('median_wall_s')} s |",
        "",
        f"Robustness: ratio of the fastest runs (a) {pv['ratio_of_minimum_walls']}, (a') {pc['ratio_of_minimum_walls']}, (b) {nv['ratio_of_minimum_walls']}, "
        f"(d) {nd['ratio_of_minimum_walls']}, (e) {ce['ratio_of_minimum_walls']}; back-to-back pairs (a) {pv['paired_wall_ratios']}, "
        f"(a') {pc['paired_wall_ratios']}, (b) {nv['paired_wall_ratios']}, (d) {nd['paired_wall_ratios']}, (e) {ce['paired_wall_ratios']}.",
        "",
        f"Peak RSS, medians (largest single process / whole process group): pipeline {p.get('median_max_rss_mb')} / {p.get('median_group_peak_rss_mb')} MB, "
        f"bare {b.get('median_max_rss_mb')} / {b.get('median_group_peak_rss_mb')} MB, bare with cache {bc.get('median_max_rss_mb')} / {bc.get('median_group_peak_rss_mb')} MB; "
        f"no-op model {md['noop-model'].get('median_max_rss_mb')} / {md['noop-model'].get('median_group_peak_rss_mb')} MB, empty library "
        f"{md['noop-empty'].get('median_max_rss_mb')} / {md['noop-empty'].get('median_group_peak_rss_mb')} MB; cold six models in parallel "
        f"{md['cold-parallel'].get('median_max_rss_mb')} / {md['cold-parallel'].get('median_group_peak_rss_mb')} MB.",
        f"AUC on the test split, medians: pipeline {p.get('median_auc')}, bare {b.get('median_auc')}, bare with cache {bc.get('median_auc')}.",
        "",
        "CPU is summed over every process of the command's process group (task hosts included), sampled every 0.2 s.",
        "",
        "## Where the pipeline's time goes (medians, seconds)",
        "",
        "| step | s |",
        "|---|---|",
    ]
    for key, label in [("Restore_s", "restore"), ("_GenerateRestoreProjectPathWalk_s", "restore graph walk"), ("CoreCompile_s", "compile typed API"),
                       ("_MLOpsValidateCore_s", "validate (task host)"), ("_MLOpsTrainCore_s", "train target (task host)"),
                       ("median_train_load_csv_s", "  of which load CSV"), ("median_train_fit_save_s", "  of which split+fit+save model+test set"),
                       ("_MLOpsEvaluateCore_s", "evaluate (task host)"), ("_MLOpsGateCore_s", "gate")]:
        value = p.get(key if key.startswith("median_") else "median_" + key)
        lines.append(f"| {label} | {value} |")
    bd = r.get("noop_buildsh_breakdown", {})
    ph, ph1 = bd.get("phases_median_s", {}), bd.get("phases_of_summary_run_s", {})
    lines += [f"\nBare ML.NET, medians: --load={mt['bare_load_mode']}: load {b.get('median_load_s')} s, fit {b.get('median_fit_s')} s, evaluate {b.get('median_evaluate_s')} s, "
              f"save {b.get('median_save_s')} s; --load=cache: load {bc.get('median_load_s')} s, fit {bc.get('median_fit_s')} s, evaluate {bc.get('median_evaluate_s')} s, save {bc.get('median_save_s')} s.",
              "", "No-op model build, top targets (one extra run with -clp:PerformanceSummary): "
              + ", ".join(f"{t['name']} {t['ms']} ms" for t in r["noop_model_top_targets"]) + ".",
              "", "## (d) Where a no-op ./build.sh spends its time", "",
              "From the arrival times of its output lines: `dotnet tool restore` (build.sh), Cake's start-up (compiling build/build.cake) up to "
              "its first task, the MSBuild invocation of build/Models.proj (-t:Publish, restore included), then `dotnet tool run mlops summary` "
              "and Cake's end.", "",
              "| phase | median of the timed runs, s | the run with MSBuild's performance summary, s |", "|---|---|---|"]
    for key, label in [("tool_restore_s", "dotnet tool restore"), ("cake_startup_s", "Cake start-up and script compilation"),
                       ("msbuild_s", "MSBuild: build/Models.proj -t:Publish"), ("summary_and_cake_end_s", "mlops summary, Cake's end"), ("total_s", "total")]:
        lines.append(f"| {label} | {ph.get(key)} | {ph1.get(key)} |")
    lines += ["", "MSBuild in that run, top targets (summed over the nodes): "
              + ", ".join(f"{t['name']} {t['ms']} ms" for t in bd.get("msbuild_top_targets", [])) + ".",
              "", "Top tasks: " + ", ".join(f"{t['name']} {t['ms']} ms" for t in bd.get("msbuild_top_tasks", [])) + ".",
              "", "## (e) Cold builds of six models", "",
              "One-at-a-time runs: each model's own `Time Elapsed`, in the order built: "
              + "; ".join(f"run {x['run']}: {x.get('build_elapsed_s')}" for x in r["samples"].get("cold-sequential", [])) + ".",
              "", "## All runs", "",
              table(["pipeline", "bare", "bare-cache"], ["wall_s", "cpu_s", "max_rss_mb", "group_peak_rss_mb", "load1_before", "exit", "auc"]),
              "", table(["noop-model", "noop-empty", "noop-empty-runtime"], ["wall_s", "cpu_s", "max_rss_mb", "load1_before", "exit", "did_pipeline_work"]),
              "", table(["noop-buildsh", "noop-sln", "breakdown-buildsh"], ["wall_s", "cpu_s", "max_rss_mb", "group_peak_rss_mb", "load1_before", "exit",
                                                                         "did_pipeline_work", "tool_restore_s", "cake_startup_s", "msbuild_s", "summary_and_cake_end_s"]),
              "", table(["cold-parallel", "cold-sequential"], ["wall_s", "cpu_s", "max_rss_mb", "group_peak_rss_mb", "load1_before", "exit", "models_trained"]),
              "", "load1_before is the 1-minute load average just before the run: above the core count the machine was shared and wall times are inflated.", ""]
    lines += data_markdown(r.get("data_benchmarks"))
    return "\n".join(lines)


def data_markdown(d) -> list:
    """(c), from bench/DataBench's JSON: the comparisons, memory 1M vs all rows, hashing speeds."""
    if not d:
        return ["## (c) Data: validation, profile, fingerprints", "", "Not run, or it failed: see artifacts/bench/logs/data-bench.log.", ""]
    v, f, mem = d["validate_vs_mlnet"], d["fingerprint"], d["memory"]
    vs, fs = v["series"], f["series"]

    def verdict(c):
        return "met" if c["met"] else "NOT met"

    def runs(series: dict) -> list:
        return [f"| {name} | {s['median_wall_s']} | {s['median_cpu_s']} | {s['min_wall_s']} | {' '.join(map(str, s['wall_s']))} | {s['result']} |"
                for name, s in series.items()]

    head = ["| workload | median wall s | median CPU s | fastest s | runs (wall s) | result |", "|---|---|---|---|---|---|"]
    m = d["method"]
    return [
        "## (c) Data: validation, profile, fingerprints (bench/DataBench, one process)",
        "",
        f"Data: {d['data']['path']} ({d['data']['bytes'] / 1e6:.1f} MB, {vs['validate_profile']['result']}). "
        f"{m['runs']} timed runs of each (hashing {m['hash_runs']}) after warm-up, interleaved; load average before: {m['load1_before']}.",
        "",
        "| comparison | wall ratio | goal | CPU ratio | fastest-run ratio | numerator wall | denominator wall |",
        "|---|---|---|---|---|---|---|",
        f"| (c1) validate + profile / ML.NET TextLoader load + enumerate | **{v['ratio_wall']}** ({verdict(v)}) | <= {v['goal']} | {v['ratio_cpu']} | "
        f"{v['ratio_of_minimum_walls']} | {vs['validate_profile']['median_wall_s']} s | {vs['mlnet_load']['median_wall_s']} s |",
        f"| (c3) Fingerprint.OfFile (XxHash128) / FileStream read loop | **{f['ratio_wall']}** ({verdict(f)}) | <= {f['goal']} | {f['ratio_cpu']} | "
        f"{f['ratio_of_minimum_walls']} | {fs['xxhash128']['median_wall_s']} s | {fs['read_bytes']['median_wall_s']} s |",
        "",
        f"(c2) Peak working set of validate + profile, each in a fresh process: **{mem['validate_profile_small']['peak_working_set_mb']} MB** on the first "
        f"{mem['validate_profile_small']['result'].split(' ')[0]} rows, **{mem['validate_profile_full']['peak_working_set_mb']} MB** on "
        f"{mem['validate_profile_full']['result'].split(' ')[0]}: ratio **{mem['peak_ratio_full_vs_small']}** (expected about 1). "
        f"GC allocated {mem['validate_profile_small']['gc_allocated_mb']} MB and {mem['validate_profile_full']['gc_allocated_mb']} MB. "
        f"For scale: the runtime alone {mem['idle']['peak_working_set_mb']} MB; ML.NET loading all rows {mem['mlnet_load_full']['peak_working_set_mb']} MB "
        f"peak, {mem['mlnet_load_full']['gc_allocated_mb']} MB allocated.",
        "",
        "Hashing speed (MB/s, 10^6 bytes, file in the page cache): " + ", ".join(f"{k} {x}" for k, x in f["mb_per_s"].items())
        + f". XxHash128 is {f['xxhash128_speed_vs_sha256sum']}x as fast as `sha256sum` (whose time includes starting it).",
        "",
        *head, *runs(vs), "", *head, *runs(fs), "",
        "validate_only (no profiler) and read_only (the CSV reader alone) are information: they split validate + profile's time.",
        "",
    ]


if __name__ == "__main__":
    main()
