#!/usr/bin/python3
"""scipy/numpy side of the drift bench (bench/drift.sh): the same statistics on the same columns.

Usage: /usr/bin/python3 bench/drift.py <work dir> [runs]
Reads the raw arrays DriftBench exported (reference.* and current.*), then times, per run, every statistic our
drift engine reports for every column: ks_2samp (method='auto'), wasserstein_distance normed by np.std of the
reference, Jensen-Shannon and PSI on numpy's 30 equal-width bins over the pooled range (categories: their
shares), chi2_contingency on the 2 x k table of distinct values (categories: codes). Date parts come from the
minutes with integer arithmetic (hour, day of week with Monday = 0, month), as the engine expands datetimes.
Prints one JSON object: the median time and every column's statistics.
"""
import json
import os
import sys
import time

import numpy as np
from scipy import stats
from scipy.spatial import distance

work = sys.argv[1]
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5


def load(side):
    f = lambda name, dtype: np.fromfile(os.path.join(work, f"{side}.{name}"), dtype=dtype)
    return {"date": f("date.i64", "<i8"), "delay": f("delay.f64", "<f8"), "distance": f("distance.f64", "<f8"),
            "origin": f("origin.i32", "<i4"), "destination": f("destination.i32", "<i4")}


def date_parts(minutes):
    days = minutes // 1440
    months = minutes.astype("datetime64[m]").astype("datetime64[M]").astype(np.int64)
    return {"date.hour": ((minutes // 60) % 24).astype(np.float64),
            "date.day_of_week": ((days + 3) % 7).astype(np.float64),  # 1970-01-01 was a Thursday
            "date.month": (months % 12 + 1).astype(np.float64)}


def psi(rp, cp):
    rp = np.where(rp == 0, 0.0001, rp)
    cp = np.where(cp == 0, 0.0001, cp)
    return float(np.sum((rp - cp) * np.log(rp / cp)))


def numeric(ref, cur):
    ks = stats.ks_2samp(ref, cur, method="auto")
    w = stats.wasserstein_distance(ref, cur) / max(np.std(ref), 0.001)
    edges = np.histogram_bin_edges(np.concatenate([ref, cur]), bins=30)
    rp = np.histogram(ref, edges)[0] / len(ref)
    cp = np.histogram(cur, edges)[0] / len(cur)
    rv, rc = np.unique(ref, return_counts=True)
    cv, cc = np.unique(cur, return_counts=True)
    values = np.union1d(rv, cv)
    table = np.zeros((2, len(values)))
    table[0, np.searchsorted(values, rv)] = rc
    table[1, np.searchsorted(values, cv)] = cc
    chi = stats.chi2_contingency(table)
    return {"ks": [float(ks.statistic), float(ks.pvalue)], "wasserstein": float(w), "jensenshannon": float(distance.jensenshannon(rp, cp)),
            "psi": psi(rp, cp), "chisquare": [float(chi[0]), float(chi[1])]}


def categorical(ref, cur, labels):
    rc = np.bincount(ref, minlength=labels)
    cc = np.bincount(cur, minlength=labels)
    keep = (rc + cc) > 0
    rc, cc = rc[keep], cc[keep]
    chi = stats.chi2_contingency(np.vstack([rc, cc]))
    rp, cp = rc / rc.sum(), cc / cc.sum()
    return {"jensenshannon": float(distance.jensenshannon(rp, cp)), "psi": psi(rp, cp), "chisquare": [float(chi[0]), float(chi[1])]}


reference, current = load("reference"), load("current")
with open(os.path.join(work, "labels.txt")) as f:
    labels = len(f.read().splitlines())


def everything():
    out = {}
    r, c = date_parts(reference["date"]), date_parts(current["date"])
    for name in r:
        out[name] = numeric(r[name], c[name])
    for name in ("delay", "distance"):
        out[name] = numeric(reference[name], current[name])
    for name in ("origin", "destination"):
        out[name] = categorical(reference[name], current[name], labels)
    return out


everything()  # warm-up: page cache, lazy imports
times = []
for _ in range(runs):
    start = time.perf_counter()
    result = everything()
    times.append(time.perf_counter() - start)
times.sort()
print(json.dumps({"median_s": times[len(times) // 2], "runs_s": times, "columns": result,
                  "versions": {"numpy": np.__version__, "scipy": __import__("scipy").__version__}}))
